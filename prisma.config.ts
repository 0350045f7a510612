import { defineConfig } from 'prisma/config';

// Used only by `prisma generate`; migrations run through scripts/db-migrate.ts.
export default defineConfig({
  schema: 'prisma/schema.prisma',
});
