// Once per Jest run: real PostgreSQL and a migrated template database (see devkit/test-postgres).
import { setupTestPostgres } from '@leadbridge/devkit/test-postgres';

export default setupTestPostgres;
