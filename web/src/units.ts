// Conversions for showing SI values (as the API stores them) in the parent's units, and percentiles in words.
export type Units = 'metric' | 'imperial';
const LB_PER_KG = 2.2046226218;
const CM_PER_IN = 2.54;

export function weight(kg: number | string | null | undefined, units: Units): string {
  if (kg === null || kg === undefined || kg === '') return '—';
  const value = Number(kg);
  if (units === 'metric') return `${value.toFixed(value < 10 ? 3 : 2).replace(/0+$/, '').replace(/\.$/, '')} kg`;
  const totalOz = value * LB_PER_KG * 16;
  let lb = Math.floor(totalOz / 16);
  let oz = Math.round((totalOz - lb * 16) * 10) / 10;
  if (oz >= 16) { lb += 1; oz = 0; }
  return `${lb} lb ${oz} oz`;
}

export function length(cm: number | string | null | undefined, units: Units): string {
  if (cm === null || cm === undefined || cm === '') return '—';
  const value = Number(cm);
  return units === 'metric' ? `${round(value, 1)} cm` : `${round(value / CM_PER_IN, 1)} in`;
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th'}`;
}

/** 24.4 → "on the 24th percentile"; the extremes are said as the WHO charts end. */
export function percentileInWords(p: number | string | null | undefined): string {
  if (p === null || p === undefined || p === '') return 'no percentile';
  const value = Number(p);
  if (value < 1) return 'below the 1st percentile';
  if (value > 99) return 'above the 99th percentile';
  return `on the ${ordinal(Math.round(value))} percentile`;
}

export function ageInWords(days: number): string {
  if (days < 14) return `${days} day${days === 1 ? '' : 's'}`;
  if (days < 92) return `${Math.floor(days / 7)} weeks`;
  const months = Math.floor(days / 30.4375);
  if (months < 24) return `${months} months`;
  return `${Math.floor(months / 12)} years ${months % 12} months`;
}

export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function label(kebab: string): string {
  const text = kebab.replace(/-/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export type Indicator =
  | 'weight-for-age' | 'length-height-for-age' | 'weight-for-length' | 'weight-for-height' | 'bmi-for-age'
  | 'head-circumference-for-age' | 'arm-circumference-for-age' | 'triceps-skinfold-for-age' | 'subscapular-skinfold-for-age';

const INDICATOR_NAMES: Record<Indicator, string> = {
  'weight-for-age': 'Weight for age',
  'length-height-for-age': 'Length/height for age',
  'weight-for-length': 'Weight for length',
  'weight-for-height': 'Weight for height',
  'bmi-for-age': 'BMI for age',
  'head-circumference-for-age': 'Head circumference for age',
  'arm-circumference-for-age': 'Arm circumference for age',
  'triceps-skinfold-for-age': 'Triceps skinfold for age',
  'subscapular-skinfold-for-age': 'Subscapular skinfold for age',
};

export function indicatorName(indicator: string): string {
  return INDICATOR_NAMES[indicator as Indicator] ?? label(indicator);
}
