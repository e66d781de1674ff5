/** `companyId` → `company_id`: a property name as the snake-case naming strategy names its column. */
export type ColumnName<P extends string> = P extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`}${ColumnName<Tail>}`
  : P;

/**
 * The row a raw query returns for some of an entity's columns: the entity's property types
 * under their column names, so a hand-written statement is typed by the one schema source.
 */
export type RowOf<Entity, Property extends keyof Entity & string> = {
  [P in Property as ColumnName<P>]-?: Exclude<Entity[P], undefined>;
};
