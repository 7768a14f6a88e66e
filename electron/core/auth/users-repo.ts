import type { Role } from '../../../shared/contract/define';
import type { User } from '../../../shared/contract/users';
import type { Db } from '../db/connection';
import { all, bit, bool, fromJson, get, newId, run, toJson } from '../db/sql';

interface UserRow {
  id: string;
  username: string;
  full_name: string;
  roles: string;
  active: number;
  must_change_password: number;
  created_at: string;
}

function toUser(r: UserRow): User {
  return {
    id: r.id,
    username: r.username,
    fullName: r.full_name,
    roles: fromJson<Role[]>(r.roles, []),
    active: bool(r.active),
    mustChangePassword: bool(r.must_change_password),
    createdAt: r.created_at,
  };
}

export function findUserByUsername(db: Db, username: string): User | undefined {
  const row = get<UserRow>(db, 'SELECT * FROM users WHERE username = $username', { username });
  return row && toUser(row);
}

export function findUserById(db: Db, id: string): User | undefined {
  const row = get<UserRow>(db, 'SELECT * FROM users WHERE id = $id', { id });
  return row && toUser(row);
}

export function listUsers(db: Db): User[] {
  return all<UserRow>(db, 'SELECT * FROM users ORDER BY active DESC, full_name COLLATE NOCASE').map(toUser);
}

export function insertUser(
  db: Db,
  u: { username: string; fullName: string; roles: Role[]; mustChangePassword: boolean },
  at: string,
): string {
  const id = newId();
  run(
    db,
    `INSERT INTO users (id, username, full_name, roles, active, must_change_password, created_at, updated_at)
     VALUES ($id, $username, $fullName, $roles, 1, $must, $at, $at)`,
    { id, username: u.username, fullName: u.fullName, roles: toJson(u.roles), must: bit(u.mustChangePassword), at },
  );
  return id;
}

export function updateUser(
  db: Db,
  id: string,
  changes: { roles?: Role[]; mustChangePassword?: boolean; active?: boolean; deactivatedReason?: string },
  at: string,
): void {
  const sets: string[] = ['updated_at = $at'];
  const params: Record<string, string | number> = { id, at };
  if (changes.roles) {
    sets.push('roles = $roles');
    params.roles = toJson(changes.roles);
  }
  if (changes.mustChangePassword !== undefined) {
    sets.push('must_change_password = $must');
    params.must = bit(changes.mustChangePassword);
  }
  if (changes.active !== undefined) {
    sets.push('active = $active');
    params.active = bit(changes.active);
  }
  if (changes.deactivatedReason !== undefined) {
    sets.push('deactivated_reason = $reason');
    params.reason = changes.deactivatedReason;
  }
  run(db, `UPDATE users SET ${sets.join(', ')} WHERE id = $id`, params);
}

export function activeAdminCount(db: Db): number {
  return (
    get<{ n: number }>(db, "SELECT count(*) AS n FROM users WHERE active = 1 AND EXISTS (SELECT 1 FROM json_each(users.roles) WHERE value = 'admin')")?.n ?? 0
  );
}
