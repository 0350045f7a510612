/**
 * Bounds on one /reconcile request, so that no request can keep the server (one Node thread,
 * shared with the GraphQL API) busy for long: a worst-case batch within every limit takes well
 * under a second against the bundled data (test/reconcile-service-matching.test.ts measures it).
 * A request over a limit is refused with 400 and a message naming the limit and the value sent.
 * The README ("Reconciliation service") lists them; change both together.
 */

/**
 * Queries in one `queries` batch; announced as the manifest's `batchSize` (W3C Reconciliation
 * API 0.2). OpenRefine sends 10 per batch by default.
 */
export const MAX_BATCH_QUERIES = 50;

/** Characters of one query's text. Names are short: the longest in the bundled data has 146. */
export const MAX_QUERY_LENGTH = 500;

/** Type ids in one query's `type` list: there are three types. */
export const MAX_TYPES_PER_QUERY = 10;

/** Properties given with one query: there are 12 properties, and a column maps to one of them. */
export const MAX_PROPERTIES_PER_QUERY = 10;

/** Values of one property in one query (`v` may be a list of them). */
export const MAX_PROPERTY_VALUES = 10;

/**
 * Property values in one whole batch: each may cost a name lookup of a few milliseconds (an
 * organization's name of many words), so the batch's total is bounded, not only each query's.
 * 100 is two property columns on each of 50 rows, or ten on each of OpenRefine's 10.
 */
export const MAX_BATCH_PROPERTY_VALUES = 100;

/** Characters of one property value: a country's or an organization's name (146 at most in the bundled data). */
export const MAX_PROPERTY_VALUE_LENGTH = 200;

/** Candidates one query may ask for (`limit`); nobody reviews more than this for one cell. */
export const MAX_LIMIT = 50;

/** Record ids in one data extension (`extend`) request. OpenRefine sends them in small batches. */
export const MAX_EXTEND_IDS = 100;

/** Properties in one data extension request: there are 12 to choose from. */
export const MAX_EXTEND_PROPERTIES = 20;

/** Characters of an id (extension, preview, flyout): global IDs are about 50. */
export const MAX_ID_LENGTH = 200;

/** Characters of a suggest `prefix`: what a user types into a search box. */
export const MAX_PREFIX_LENGTH = 100;

/** Characters of a JSONP `callback` name: jQuery's generated names are about 40. */
export const MAX_CALLBACK_LENGTH = 100;

/**
 * Bytes of a POST body, read no further (413 above it). A full batch within the limits above is
 * about 300 kB at most, form-encoded: 50 queries of 500 and 100 values of 200 non-ASCII
 * characters, six bytes each.
 */
export const MAX_BODY_BYTES = 512_000;
