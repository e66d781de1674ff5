import { teardownTestPostgres } from '@leadbridge/devkit/test-postgres';

export default teardownTestPostgres;
