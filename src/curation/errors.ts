/** A curation request that cannot be carried out as asked; the code tells a client why. */
export class CurationError extends Error {
  constructor(
    message: string,
    readonly code:
      | 'BAD_USER_INPUT'
      | 'NOT_FOUND'
      | 'NOT_SAME_JUDGEMENT'
      | 'ALREADY_MERGED'
      | 'NOT_MERGED'
      | 'SPLIT_ORDER'
      | 'AMBIGUOUS_NAME'
      | 'CONFLICT',
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'CurationError';
  }
}
