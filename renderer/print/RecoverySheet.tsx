import { formatDateTime } from '../../shared/domain/dates';

/** The recovery sheet: the key, what it is for, and where to keep it. */
export function RecoverySheet({ recoveryKey, settingName }: { recoveryKey: string; settingName: string }) {
  return (
    <article className="print-page">
      <h1>TwoWay recovery key</h1>
      <p className="print-sub">{settingName}</p>
      <p className="print-key">{recoveryKey.split('-').join('  ')}</p>
      <h2>What this is</h2>
      <p>
        TwoWay keeps your setting’s records in an encrypted database. This key unlocks it if every administrator has forgotten their
        password. Whoever holds this sheet can open every record, so treat it like the key to the filing cabinet.
      </p>
      <h2>Where to keep it</h2>
      <ul>
        <li>Somewhere locked, away from the laptop: for example the office safe, or with the manager or chair of the committee.</li>
        <li>Never in the laptop bag, on the laptop, in an email or a photo on a phone.</li>
        <li>If it is lost or seen by someone who should not have it, tell your manager.</li>
      </ul>
      <h2>How to use it</h2>
      <p>
        On the login screen choose “Use the recovery key”, type the key (capital letters or small, with or without the dashes) and the
        username of an administrator. TwoWay will then ask that administrator to choose a new password.
      </p>
      <p className="print-meta">Created on {formatDateTime(new Date())}. Written down by: ______________________</p>
      <footer className="print-footer">
        <strong>CONFIDENTIAL</strong> · {settingName}
      </footer>
    </article>
  );
}
