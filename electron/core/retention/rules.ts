import type { RecordType } from '../../../shared/contract/retention';
import { retentionRuleSchema } from '../../../shared/contract/retention';
import { ruleInWords, type RetentionRule } from '../../../shared/domain/retention';
import type { Db } from '../db/connection';
import { fromJson, get, newId, run, toJson } from '../db/sql';
import { readSetting, writeSetting } from '../settings/repo';
import type { RecordTypeDef } from './registry';

/** The rule in force for a type: the newest change a manager recorded, or the default. */
export function ruleFor(db: Db, def: RecordTypeDef): { rule: RetentionRule; changed: { by: string; at: string; reason: string } | null } {
  const row = get<{ rule_json: string; reason: string; at: string; by_name: string }>(
    db,
    `SELECT r.rule_json, r.reason, r.at, u.full_name AS by_name FROM retention_rules r JOIN users u ON u.id = r.by_user
      WHERE r.record_type = $type ORDER BY r.at DESC, r.rowid DESC LIMIT 1`,
    { type: def.type },
  );
  const parsed = row ? retentionRuleSchema.safeParse(fromJson(row.rule_json, null)) : null;
  if (!row || !parsed?.success) return { rule: def.defaultRule, changed: null };
  return { rule: parsed.data, changed: { by: row.by_name, at: row.at, reason: row.reason } };
}

export function rulesTable(db: Db, types: RecordTypeDef[]) {
  return types.map((def) => {
    const { rule, changed } = ruleFor(db, def);
    return {
      type: def.type,
      label: def.label,
      covers: def.covers,
      rule,
      ruleText: ruleInWords(rule),
      defaultRule: def.defaultRule,
      defaultText: ruleInWords(def.defaultRule),
      reason: def.reason,
      changeable: def.defaultRule.kind !== 'with-records',
      changed,
    };
  });
}

export function insertRule(db: Db, type: RecordType, rule: RetentionRule, reason: string, userId: string, at: string): void {
  run(db, 'INSERT INTO retention_rules (id, record_type, rule_json, reason, by_user, at) VALUES ($id, $type, $rule, $reason, $userId, $at)', {
    id: newId(),
    type,
    rule: toJson(rule),
    reason,
    userId,
    at,
  });
}

const STAFF_NAMES_KEY = 'subjectAccess.staffNames';
/** Staff names are listed for review unless the setting's policy is to release them (staff act in their work role). */
export function staffNamesPolicy(db: Db): 'release' | 'review' {
  return readSetting(db, STAFF_NAMES_KEY) === 'release' ? 'release' : 'review';
}
export function setStaffNamesPolicy(db: Db, value: 'release' | 'review'): void {
  writeSetting(db, STAFF_NAMES_KEY, value);
}
