/** The GraphQL schema: importing the type modules registers them on the builder. */
import { builder } from './builder.js';
import './enums.js';
import './types/provenance.js';
import './types/areas.js';
import './types/organizations.js';
import './types/persons.js';
import './types/events.js';
import './types/elections.js';
import './types/statements.js';
import './types/search.js';
import './types/comparison.js';
import './types/curation.js';

export const schema = builder.toSchema({ sortSchema: true });

/** What the schema leaves undocumented (a test keeps it empty). */
export { undocumented } from './documentation.js';
