import type { z } from 'zod/mini';
import { fieldError } from '../form/field-error-messages.js';
import type { FieldError, FieldErrorCode, FieldErrorParams } from '../form/field-errors.js';
import type { Locale } from '../i18n/locale.js';

type Issue = z.core.$ZodIssue;
type PathSegment = PropertyKey;

// Human names for the properties of the documents core validates (form schemas, offers), so
// a shape error reads "Label is required" rather than "fields.3.label: Invalid input".
const PROPERTY_LABELS: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  en: {
    fields: 'Fields',
    key: 'Key',
    label: 'Label',
    type: 'Type',
    required: 'Required',
    helpText: 'Help text',
    placeholder: 'Placeholder',
    options: 'Options',
    value: 'Value',
    order: 'Order',
    builtIn: 'Built-in',
    rules: 'Rules',
    kind: 'Kind',
    stage: 'Stage',
    amount: 'Amount',
    currency: 'Currency',
    basisPoints: 'Percentage (basis points)',
    months: 'Months',
  },
  de: {
    fields: 'Felder',
    key: 'Schlüssel',
    label: 'Bezeichnung',
    type: 'Typ',
    required: 'Pflichtfeld',
    helpText: 'Hilfetext',
    placeholder: 'Platzhalter',
    options: 'Auswahlmöglichkeiten',
    value: 'Wert',
    order: 'Reihenfolge',
    builtIn: 'Standardfeld',
    rules: 'Regeln',
    kind: 'Art',
    stage: 'Phase',
    amount: 'Betrag',
    currency: 'Währung',
    basisPoints: 'Prozentsatz (Basispunkte)',
    months: 'Monate',
  },
  fr: {
    fields: 'Champs',
    key: 'Clé',
    label: 'Libellé',
    type: 'Type',
    required: 'Obligatoire',
    helpText: 'Texte d’aide',
    placeholder: 'Texte indicatif',
    options: 'Options',
    value: 'Valeur',
    order: 'Ordre',
    builtIn: 'Champ standard',
    rules: 'Règles',
    kind: 'Type de règle',
    stage: 'Étape',
    amount: 'Montant',
    currency: 'Devise',
    basisPoints: 'Pourcentage (points de base)',
    months: 'Mois',
  },
  es: {
    fields: 'Campos',
    key: 'Clave',
    label: 'Etiqueta',
    type: 'Tipo',
    required: 'Obligatorio',
    helpText: 'Texto de ayuda',
    placeholder: 'Texto de ejemplo',
    options: 'Opciones',
    value: 'Valor',
    order: 'Orden',
    builtIn: 'Campo predefinido',
    rules: 'Reglas',
    kind: 'Tipo de regla',
    stage: 'Fase',
    amount: 'Importe',
    currency: 'Moneda',
    basisPoints: 'Porcentaje (puntos básicos)',
    months: 'Meses',
  },
  'pt-BR': {
    fields: 'Campos',
    key: 'Chave',
    label: 'Rótulo',
    type: 'Tipo',
    required: 'Obrigatório',
    helpText: 'Texto de ajuda',
    placeholder: 'Texto de exemplo',
    options: 'Opções',
    value: 'Valor',
    order: 'Ordem',
    builtIn: 'Campo padrão',
    rules: 'Regras',
    kind: 'Tipo de regra',
    stage: 'Etapa',
    amount: 'Quantia',
    currency: 'Moeda',
    basisPoints: 'Porcentagem (pontos-base)',
    months: 'Meses',
  },
  it: {
    fields: 'Campi',
    key: 'Chiave',
    label: 'Etichetta',
    type: 'Tipo',
    required: 'Obbligatorio',
    helpText: 'Testo di aiuto',
    placeholder: 'Testo segnaposto',
    options: 'Opzioni',
    value: 'Valore',
    order: 'Ordine',
    builtIn: 'Campo predefinito',
    rules: 'Regole',
    kind: 'Tipo di regola',
    stage: 'Fase',
    amount: 'Importo',
    currency: 'Valuta',
    basisPoints: 'Percentuale (punti base)',
    months: 'Mesi',
  },
  nl: {
    fields: 'Velden',
    key: 'Sleutel',
    label: 'Label',
    type: 'Type',
    required: 'Verplicht',
    helpText: 'Helptekst',
    placeholder: 'Voorbeeldtekst',
    options: 'Opties',
    value: 'Waarde',
    order: 'Volgorde',
    builtIn: 'Standaardveld',
    rules: 'Regels',
    kind: 'Soort',
    stage: 'Fase',
    amount: 'Bedrag',
    currency: 'Valuta',
    basisPoints: 'Percentage (basispunten)',
    months: 'Maanden',
  },
};

export function propertyLabel(segment: PathSegment | undefined, locale: Locale): string {
  if (typeof segment !== 'string') return PROPERTY_LABELS[locale].value ?? 'Value';
  return PROPERTY_LABELS[locale][segment] ?? segment;
}

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let current = root;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

function preview(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 50 ? `${text.slice(0, 49)}…` : text;
}

type NumberRange = readonly [min: number, max: number];

function mapIssue(
  issue: Issue,
  input: unknown,
  label: string,
  range: NumberRange | undefined,
): { code: FieldErrorCode; params: FieldErrorParams } {
  const last = issue.path[issue.path.length - 1];
  switch (issue.code) {
    case 'invalid_type':
      return {
        code: valueAt(input, issue.path) === undefined ? 'required' : 'invalid_type',
        params: { label },
      };
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? { code: 'required', params: { label } }
          : { code: 'too_short', params: { label, min: Number(issue.minimum) } };
      }
      if (issue.origin === 'array') {
        return { code: 'too_short', params: { label, min: Number(issue.minimum) } };
      }
      if (!range && Number(issue.minimum) <= 1) return { code: 'not_positive', params: { label } };
      return {
        code: 'out_of_range',
        params: { label, min: range?.[0] ?? Number(issue.minimum), max: range?.[1] ?? '…' },
      };
    case 'too_big':
      if (issue.origin === 'string') {
        return { code: 'too_long', params: { label, max: Number(issue.maximum) } };
      }
      if (issue.origin === 'array') {
        return { code: 'too_many', params: { label, max: Number(issue.maximum) } };
      }
      return {
        code: 'out_of_range',
        params: { label, min: range?.[0] ?? '…', max: range?.[1] ?? Number(issue.maximum) },
      };
    case 'invalid_format':
      if (last === 'key') return { code: 'invalid_key', params: { label } };
      if (last === 'currency') return { code: 'invalid_currency', params: { label } };
      return { code: 'invalid_format', params: { label } };
    case 'invalid_value':
      return {
        code: 'invalid_option',
        params: { label, value: preview(valueAt(input, issue.path)) },
      };
    case 'invalid_union':
      return {
        code: 'discriminator' in issue ? 'invalid_option' : 'invalid_type',
        params: { label, value: preview(valueAt(input, issue.path)) },
      };
    default:
      return { code: 'invalid_format', params: { label } };
  }
}

/**
 * Turns zod issues into core's FieldErrors (stable codes, dotted paths, localised messages).
 * `input` is the parsed value, consulted to tell a missing property from a mistyped one.
 */
export type IssueMappingOptions = {
  /** A better label than the property's name, e.g. the form field's own label. */
  labelFor?: (path: readonly PathSegment[]) => string | undefined;
  /** Both bounds of a numeric property, so "between 1 and 10000" can be said in full. */
  rangeFor?: (path: readonly PathSegment[]) => NumberRange | undefined;
};

export function zodIssuesToFieldErrors(
  issues: readonly Issue[],
  input: unknown,
  locale: Locale,
  options: IssueMappingOptions = {},
): FieldError[] {
  const errors: FieldError[] = [];
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        errors.push(
          fieldError(path ? `${path}.${key}` : key, 'unknown_field', { label: key }, locale),
        );
      }
      continue;
    }
    const label =
      options.labelFor?.(issue.path) ?? propertyLabel(issue.path[issue.path.length - 1], locale);
    const { code, params } = mapIssue(issue, input, label, options.rangeFor?.(issue.path));
    errors.push(fieldError(path, code, params, locale));
  }
  return errors;
}
