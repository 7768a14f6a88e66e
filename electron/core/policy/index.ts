import {
  DEFAULT_SHARING_POLICY,
  type Assessment,
  type SharingOutcome,
  type SharingPolicy,
  type SharingRequest,
} from '../../../shared/contract/sharing-policy';
import { judgeItems, partitionItems } from './items';
import { basisOf, findRoute } from './route';
import { buildContext, EVALUATORS, recordDecision, type Finding, type HoldBack } from './rules';

// The information-sharing policy engine: pure and deterministic, no I/O, no clock.
// It answers seed 001's "questions before sharing" for one request and says what to do.

/**
 * Precedence when several rules hold a share back, strongest first:
 *  - do-not-share: a rule says this share must not happen as asked (no legitimate purpose,
 *    no role in the child's care, parents' refusal without significant harm, nothing
 *    needed). More answers or a signature would not change that, so asking for them would
 *    waste time and suggest the share could go ahead.
 *  - needs-more-information: the request is incomplete or unsafe as it stands (consent not
 *    sought, insecure method, parents not told without a reason ...). It must be put right
 *    before anyone is asked to authorise it, so the authoriser sees the finished request.
 *  - needs-authorisation: everything else is in order; only a second person's agreement
 *    is missing.
 *  - share: no rule holds it back.
 */
const PRECEDENCE: readonly HoldBack[] = ['do-not-share', 'needs-more-information', 'needs-authorisation'];

function decideOutcome(findings: readonly Finding[]): SharingOutcome {
  const holdBacks = new Set(findings.map((f) => f.holdBack));
  return PRECEDENCE.find((outcome) => holdBacks.has(outcome)) ?? 'share';
}

export function assessSharing(
  request: SharingRequest,
  policy: SharingPolicy = DEFAULT_SHARING_POLICY,
): Assessment {
  const route = findRoute(request, policy);
  // Seed 001 3.4's own consents count wherever the share does not rest on a legal requirement or
  // significant harm: with consent, and for identifiable information that is not confidential.
  const verdicts = judgeItems(request.items, route.kind === 'consent' || (route.kind === 'not-confidential' && route.why === 'not-confidential'));
  const context = buildContext(request, policy, route, verdicts);
  const findings = EVALUATORS.map((evaluate) => evaluate(context));
  const outcome = decideOutcome(findings);
  const checks = [...findings, recordDecision(outcome)].map(({ rule, ok, message, refusal }) => ({
    rule,
    ok,
    message,
    ...(refusal === undefined ? {} : { refusal }),
  }));
  // The basis is reported only for a share, or for a share awaiting a second person's
  // agreement (so the authoriser knows what they agree to). needs-authorisation is only
  // ever the outcome when every other rule passed, so the route is then an allowed one.
  const basis = outcome === 'share' || outcome === 'needs-authorisation' ? basisOf(route) : undefined;
  const items = partitionItems(verdicts, outcome === 'do-not-share');
  return { outcome, ...(basis === undefined ? {} : { basis }), ...items, checks };
}
