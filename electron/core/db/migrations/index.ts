import type { Migration } from '../migrations';
import { m001Foundation } from './001_foundation';

/** Every migration, in order. A feature adds its own numbered file and one line here. */
export const MIGRATIONS: readonly Migration[] = [m001Foundation];
