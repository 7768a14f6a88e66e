import {
  Badge,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { KeyResetRegular, PersonAddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { Controller } from 'react-hook-form';
import type { Session } from '../../../shared/contract/auth';
import { ROLE_LABELS, ROLES, type Role } from '../../../shared/contract/define';
import { contract, type OutputOf } from '../../../shared/contract/index';
import type { User } from '../../../shared/contract/users';
import { formatDateTime } from '../../../shared/domain/dates';
import { suggestPassword } from '../../../shared/domain/words';
import { useChannel, useChannelMutation } from '../../api';
import { TextField, useContractForm, useFormSubmit } from '../../ui/forms';
import { FormDialog, GroupField } from '../../ui/fields';
import { ErrorBar, Loading } from '../../ui/Page';
import { DatabaseKeyDialog } from './DatabaseKeyDialog';

const useStyles = makeStyles({
  roles: { display: 'flex', flexDirection: 'column' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
});

export function UsersPanel({ session }: { session: Session }) {
  const s = useStyles();
  const users = useChannel('users.list');
  const [dialog, setDialog] = useState<{ kind: 'add' } | { kind: 'key'; deactivatedName?: string } | { kind: 'roles' | 'reset' | 'deactivate'; user: User } | null>(null);
  const [keyChanged, setKeyChanged] = useState<OutputOf<'users.changeDatabaseKey'> | null>(null);
  const isAdmin = session.roles.includes('admin');
  if (users.isPending) return <Loading />;
  if (users.error) return <ErrorBar error={users.error} />;
  return (
    <>
      {isAdmin && (
        <div className={s.actions}>
          <Button appearance="primary" icon={<PersonAddRegular />} onClick={() => setDialog({ kind: 'add' })}>
            Add a member of staff
          </Button>
          <Button icon={<KeyResetRegular />} onClick={() => setDialog({ kind: 'key' })}>
            Change the database key
          </Button>
        </div>
      )}
      {keyChanged && (
        <MessageBar intent="success">
          <MessageBarBody>
            The database key was changed in {keyChanged.seconds < 1 ? 'less than a second' : keyChanged.seconds === 1 ? '1 second' : `${keyChanged.seconds} seconds`}. Only the {keyChanged.accounts === 1 ? 'account' : `${keyChanged.accounts} accounts`} that
            can log in today and the recovery key open TwoWay’s records now.
          </MessageBarBody>
        </MessageBar>
      )}
      <Table aria-label="Staff accounts">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Name</TableHeaderCell>
            <TableHeaderCell>Username</TableHeaderCell>
            <TableHeaderCell>Roles</TableHeaderCell>
            <TableHeaderCell>Status</TableHeaderCell>
            {isAdmin && <TableHeaderCell>Actions</TableHeaderCell>}
          </TableRow>
        </TableHeader>
        <TableBody>
          {users.data.users.map((u) => (
            <TableRow key={u.id}>
              <TableCell>{u.fullName}</TableCell>
              <TableCell>{u.username}</TableCell>
              <TableCell>{u.roles.map((r) => ROLE_LABELS[r]).join(', ')}</TableCell>
              <TableCell>
                {!u.active ? (
                  <Badge color="subtle">Deactivated</Badge>
                ) : u.mustChangePassword ? (
                  <Badge color="warning">Must choose a password</Badge>
                ) : (
                  <Badge color="success">Active</Badge>
                )}
                <Text size={100} block>
                  Added {formatDateTime(u.createdAt)}
                </Text>
              </TableCell>
              {isAdmin && (
                <TableCell>
                  {u.active && <UserActions user={u} self={u.id === session.userId} onOpen={(kind) => setDialog({ kind, user: u })} />}
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {dialog?.kind === 'add' && <AddUserDialog onClose={() => setDialog(null)} />}
      {dialog?.kind === 'roles' && <RolesDialog user={dialog.user} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'reset' && <ResetPasswordDialog user={dialog.user} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'deactivate' && (
        <DeactivateDialog user={dialog.user} onClose={() => setDialog(null)} onDone={() => setDialog({ kind: 'key', deactivatedName: dialog.user.fullName })} />
      )}
      {dialog?.kind === 'key' && (
        <DatabaseKeyDialog
          deactivatedName={dialog.deactivatedName}
          onClose={() => setDialog(null)}
          onChanged={(result) => {
            setKeyChanged(result);
            setDialog(null);
          }}
        />
      )}
    </>
  );
}

function UserActions({ user, self, onOpen }: { user: User; self: boolean; onOpen: (k: 'roles' | 'reset' | 'deactivate') => void }) {
  const s = useStyles();
  return (
    <div className={s.actions}>
      <Button size="small" onClick={() => onOpen('roles')} aria-label={`Change roles of ${user.fullName}`}>
        Roles
      </Button>
      {!self && (
        <Button size="small" onClick={() => onOpen('reset')} aria-label={`Reset password of ${user.fullName}`}>
          Reset password
        </Button>
      )}
      {!self && (
        <Button size="small" onClick={() => onOpen('deactivate')} aria-label={`Deactivate ${user.fullName}`}>
          Deactivate
        </Button>
      )}
    </div>
  );
}

function RoleCheckboxes({ value, onChange }: { value: Role[]; onChange: (r: Role[]) => void }) {
  const s = useStyles();
  return (
    <div className={s.roles}>
      {ROLES.map((r) => (
        <Checkbox
          key={r}
          label={ROLE_LABELS[r]}
          checked={value.includes(r)}
          onChange={(_e, d) => onChange(d.checked ? [...value, r] : value.filter((x) => x !== r))}
        />
      ))}
    </div>
  );
}

function AddUserDialog({ onClose }: { onClose: () => void }) {
  const create = useChannelMutation('users.create');
  const form = useContractForm(contract['users.create'].input, { fullName: '', username: '', password: suggestPassword(), roles: ['practitioner'] });
  const { submit, error } = useFormSubmit(form, (v) => create.mutateAsync(v), onClose);
  return (
    <FormDialog title="Add a member of staff" submitLabel="Add" onSubmit={submit} onClose={onClose} pending={create.isPending} error={error}>
      <TextField form={form} name="fullName" label="Full name" required />
      <TextField form={form} name="username" label="Username" hint="What they type to log in." required />
      <TextField form={form} name="password" label="First password" type="text" hint="Tell them this in person. They must choose their own when they first log in." required />
      <Controller
        control={form.control}
        name="roles"
        render={({ field, fieldState }) => (
          // A group, not a Fluent Field: a Field hands its one id and its required star to every checkbox.
          <GroupField label="Roles" required message={fieldState.error?.message}>
            <RoleCheckboxes value={(field.value ?? []) as Role[]} onChange={field.onChange} />
          </GroupField>
        )}
      />
    </FormDialog>
  );
}

function RolesDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const setRoles = useChannelMutation('users.setRoles');
  const [roles, setRolesState] = useState<Role[]>(user.roles);
  const [error, setError] = useState<unknown>(null);
  return (
    <Dialog open onOpenChange={(_e, d) => !d.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Roles of {user.fullName}</DialogTitle>
          <DialogContent>
            <RoleCheckboxes value={roles} onChange={setRolesState} />
            <ErrorBar error={error} />
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>Cancel</Button>
            <Button
              appearance="primary"
              disabled={roles.length === 0 || setRoles.isPending}
              onClick={() => setRoles.mutateAsync({ userId: user.id, roles }).then(onClose, setError)}
            >
              Save roles
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

function ResetPasswordDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const reset = useChannelMutation('users.resetPassword');
  const form = useContractForm(contract['users.resetPassword'].input, { userId: user.id, newPassword: suggestPassword() });
  const { submit, error } = useFormSubmit(form, (v) => reset.mutateAsync(v), onClose);
  return (
    <FormDialog title={`Reset the password of ${user.fullName}`} submitLabel="Reset password" onSubmit={submit} onClose={onClose} pending={reset.isPending} error={error}>
      <Text>Their old password stops working at once. They must choose their own at their next login.</Text>
      <TextField form={form} name="newPassword" label="New first password" type="text" required />
    </FormDialog>
  );
}

function DeactivateDialog({ user, onClose, onDone }: { user: User; onClose: () => void; onDone: () => void }) {
  const deactivate = useChannelMutation('users.deactivate');
  const form = useContractForm(contract['users.deactivate'].input, { userId: user.id, reason: '' });
  const { submit, error } = useFormSubmit(form, (v) => deactivate.mutateAsync(v), onDone);
  return (
    <FormDialog title={`Deactivate ${user.fullName}?`} submitLabel="Deactivate" onSubmit={submit} onClose={onClose} pending={deactivate.isPending} error={error}>
      <Text>They will no longer be able to log in. Their account and everything they recorded stay, with their name on it.</Text>
      <TextField form={form} name="reason" label="Reason" hint="For example: left the setting on 31 August." required />
    </FormDialog>
  );
}
