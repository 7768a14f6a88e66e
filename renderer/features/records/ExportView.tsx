import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { Session } from '../../../shared/contract/auth';
import { useChannel } from '../../api';
import { navigate } from '../../router';
import { PrintPortal } from '../../print/PrintPortal';
import { SubjectAccessPrint } from '../../print/SubjectAccessPrint';
import { PrintActions } from '../../ui/PrintActions';
import { ErrorBar, Loading, Page } from '../../ui/Page';

const useStyles = makeStyles({
  preview: { border: `1px solid ${tokens.colorNeutralStroke1}`, padding: tokens.spacingHorizontalL, maxWidth: '60rem', backgroundColor: tokens.colorNeutralBackground1 },
});

/** `#/records/access/<reviewId>`: the export as reviewed, to check on screen and print or save as a PDF. */
export function ExportView({ session, reviewId }: { session: Session; reviewId: string }) {
  const s = useStyles();
  const settings = useChannel('settings.get');
  const exported = useChannel('sar.export', { reviewId });
  if (exported.isPending) return <Loading />;
  if (exported.error) {
    return (
      <Page title="Subject access export" actions={<Button onClick={() => navigate('/records/access')}>Back to subject access requests</Button>}>
        <ErrorBar error={exported.error} />
      </Page>
    );
  }
  const data = exported.data;
  const settingName = settings.data?.settingName ?? '';
  return (
    <Page
      title={`Subject access export: ${data.childName}`}
      actions={
        <>
          <Button onClick={() => navigate(`/records/access?child=${data.childId}`)}>Back to the review</Button>
          <PrintActions document="subject-access" recordId={data.childId} suggestedName={`Subject access - ${data.childName}`} />
        </>
      }
    >
      <Text>Check it before release. Black boxes are where the review blacked something out; the words are not in the document.</Text>
      <div className={s.preview}>
        <SubjectAccessPrint data={data} settingName={settingName} printedBy={session.fullName} />
      </div>
      <PrintPortal>
        <SubjectAccessPrint data={data} settingName={settingName} printedBy={session.fullName} />
      </PrintPortal>
    </Page>
  );
}
