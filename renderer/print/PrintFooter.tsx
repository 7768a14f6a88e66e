import { formatDateTime } from '../../shared/domain/dates';

/** Every printed page says that it is confidential, who printed it and when. */
export function PrintFooter({ printedBy, settingName }: { printedBy: string; settingName: string }) {
  return (
    <footer className="print-footer">
      <strong>CONFIDENTIAL</strong> · {settingName} · Printed by {printedBy} on {formatDateTime(new Date())}
    </footer>
  );
}
