import { randomUUID } from 'node:crypto';
import type { Db } from './connection';

/** Row values as SQLCipher returns them. */
export type Row = Record<string, string | number | null | Uint8Array>;
export type Params = Record<string, string | number | null>;

// The binding refuses an empty named-parameter object for a statement without parameters.
const args = (params: Params) => (Object.keys(params).length ? [params] : []) as [Params?];

export function all<T = Row>(db: Db, sql: string, params: Params = {}): T[] {
  return db.prepare(sql).all(...args(params)) as T[];
}

export function get<T = Row>(db: Db, sql: string, params: Params = {}): T | undefined {
  return db.prepare(sql).get(...args(params)) as T | undefined;
}

export function run(db: Db, sql: string, params: Params = {}): number {
  return db.prepare(sql).run(...args(params)).changes;
}

export function newId(): string {
  return randomUUID();
}

/** JSON columns: arrays and small objects stored as text. */
export function toJson(value: unknown): string {
  return JSON.stringify(value);
}
export function fromJson<T>(value: unknown, fallback: T): T {
  if (typeof value !== 'string') return fallback;
  try {
    return JSON.parse(value) as T;
  } catch {
    return fallback;
  }
}

export const bool = (v: unknown): boolean => v === 1 || v === true;
export const bit = (v: boolean | undefined | null): number => (v ? 1 : 0);
