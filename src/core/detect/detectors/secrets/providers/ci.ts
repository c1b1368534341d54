import { B, type TokenSpec } from '../token';
import { fake, named, prefixed, uuid, UUID } from './shape';

/** Build, deploy and secrets tooling: CI services, code quality, secret managers, infrastructure as code. */
export const ci: TokenSpec[] = [
  prefixed('circleci-pat', 'CircleCI personal API token', 'CCIPAT_', 'b64u', [40, 80], { sample: `CCIPAT_${fake('a62', 22, 'cci')}_${fake('hex', 40, 'cci2')}` }),
  prefixed('circleci-project-token', 'CircleCI project API token', 'CCIPRJ_', 'b64u', [40, 80], { sample: `CCIPRJ_${fake('a62', 22, 'ccip')}_${fake('hex', 40, 'ccip2')}` }),
  named('circleci-token', 'CircleCI API token (40 hex) next to its name', ['circleci', 'circle_token', 'circle-token'], '[0-9a-f]{40}', fake('hex', 40, 'circle')),
  named('travis-token', 'Travis CI access token next to its name', ['travis'], '[A-Za-z0-9_-]{22}', fake('a62', 22, 'travis'), { common: true }),
  named('drone-token', 'Drone CI token next to its name', ['drone_token', 'droneci', 'drone_server_token'], '[A-Za-z0-9]{32}', fake('a62', 32, 'drone')),
  prefixed('buildkite-token', 'Buildkite API access token', 'bkua_', 'hex', 40),
  prefixed('buildkite-agent-token', 'Buildkite agent token', 'bkagent_', 'hex', 40),
  named('codecov-token', 'Codecov upload or access token next to its name', ['codecov'], `(?:${UUID}|[a-z0-9]{32})`, uuid('codecov')),
  named('codeclimate-reporter-id', 'Code Climate test reporter ID next to its name', ['cc_test_reporter_id', 'codeclimate_repo_token', 'codeclimate'], '[0-9a-f]{64}', fake('hex', 64, 'codeclimate')),
  prefixed('sonarqube-token', 'SonarQube or SonarCloud token', ['squ_', 'sqp_', 'sqa_'], 'hex', 40),
  named('sonarqube-legacy-token', 'SonarQube token (40 hex) next to its name', ['sonar'], '[0-9a-f]{40}', fake('hex', 40, 'sonar')),
  {
    id: 'teamcity-token', description: 'TeamCity access token', keywords: ['eyj0exaioiaivenwmij9'], window: { before: 16, after: 120 },
    regex: `${B}eyJ0eXAiOiAiVENWMiJ9\\.[A-Za-z0-9_-]{36}\\.[A-Za-z0-9_-]{48}(?![A-Za-z0-9_-])`,
    match: [`eyJ0eXAiOiAiVENWMiJ9.${fake('b64u', 36, 'tc1')}.${fake('b64u', 48, 'tc2')}`], noMatch: ['eyJ0eXAiOiAiVENWMiJ9.short.short'],
  },
  {
    id: 'jenkins-token', description: 'Jenkins API token or crumb next to its name', keywords: ['jenkins'], window: { before: 16, after: 120 },
    regex: `[Jj][Ee][Nn][Kk][Ii][Nn][Ss][\\w.-]{0,24}["']?\\s{0,4}(?:[:=]|=>)\\s{0,4}["']?(?:[\\w.@-]{1,40}:)?([0-9a-f]{32,36}|${UUID})(?![0-9a-f-])`, group: 1, score: 0.8,
    match: [{ text: `JENKINS_API_TOKEN=${fake('hex', 34, 'jenkins')}`, value: fake('hex', 34, 'jenkins') }, { text: `jenkins_auth: admin:${fake('hex', 34, 'jenkins2')}`, value: fake('hex', 34, 'jenkins2') }],
    noMatch: ['JENKINS_URL=https://ci.example.com', 'jenkins_token = abc'],
  },
  {
    id: 'jenkins-setup-password', description: 'Jenkins initial admin password from its setup log', keywords: ['following password to proceed to installation'], window: { before: 64, after: 80 },
    regex: `following password to proceed to installation:\\s{1,8}([0-9a-f]{32})(?![0-9a-f])`, group: 1,
    match: [{ text: `Please use the following password to proceed to installation:\n\n${fake('hex', 32, 'jsetup')}\n`, value: fake('hex', 32, 'jsetup') }], noMatch: ['Please use the following password to proceed to installation:\n\n<password>'],
  },
  {
    id: 'harness-token', description: 'Harness personal or service-account token', keywords: ['pat.', 'sat.'], window: { before: 8, after: 100 },
    regex: `${B}(?:pat|sat)\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9]{24}\\.[A-Za-z0-9]{20}(?![A-Za-z0-9])`,
    match: [`pat.${fake('b64u', 22, 'har1')}.${fake('a62', 24, 'har2')}.${fake('a62', 20, 'har3')}`], noMatch: ['pat.abc.def.ghi'],
  },
  prefixed('octopus-deploy-key', 'Octopus Deploy API key', 'API-', 'uc36', [25, 32], { score: 0.8 }),
  prefixed('infracost-token', 'Infracost API key', 'ico-', 'a62', 32),
  prefixed('prefect-token', 'Prefect API key', 'pnu_', 'a62', 36),
  prefixed('dependency-track-key', 'Dependency-Track API key', 'odt_', 'a62', [32, 255], { score: 0.85 }),
  prefixed('doppler-personal-token', 'Doppler personal token', 'dp.pt.', 'a62', [40, 44]),
  prefixed('doppler-cli-token', 'Doppler CLI token', 'dp.ct.', 'a62', [40, 44]),
  prefixed('doppler-service-account-token', 'Doppler service-account token', 'dp.sa.', 'a62', [40, 44]),
  prefixed('doppler-scim-token', 'Doppler SCIM token', 'dp.scim.', 'a62', [40, 44]),
  prefixed('doppler-audit-token', 'Doppler audit token', 'dp.audit.', 'a62', [40, 44]),
  {
    id: 'doppler-service-token', description: 'Doppler service token', keywords: ['dp.st.'],
    regex: `${B}dp\\.st\\.(?:[a-z0-9_-]{2,35}\\.)?[A-Za-z0-9]{40,44}(?![A-Za-z0-9])`,
    match: [`dp.st.prd.${fake('a62', 43, 'dpst')}`, `dp.st.${fake('a62', 43, 'dpst2')}`], noMatch: ['dp.st.short'],
  },
  {
    id: 'onepassword-token', description: '1Password service-account token', keywords: ['ops_ey'],
    regex: `${B}ops_eyJ[A-Za-z0-9+/=_-]{100,2000}`, match: [`ops_eyJ${'ZW1haWwiOiJl'.repeat(10)}`], noMatch: ['ops_DUMMYWFpbCI6ImVqd2U2NHFtbHhocmlA'],
  },
  {
    id: 'onepassword-secret-key', description: '1Password account secret key', keywords: ['a3-'], window: { before: 8, after: 60 },
    regex: `${B}A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}(?![A-Za-z0-9-])`,
    match: [`A3-${fake('uc36', 6, 'op1')}-${fake('uc36', 6, 'op2')}-${fake('uc36', 5, 'op3')}-${fake('uc36', 5, 'op4')}-${fake('uc36', 5, 'op5')}-${fake('uc36', 5, 'op6')}`], noMatch: ['A3-ABC-DEF'],
  },
  prefixed('settlemint-token', 'SettleMint access token', ['sm_aat_', 'sm_pat_', 'sm_sat_'], 'a62', 16),
  prefixed('scalingo-token', 'Scalingo API token', 'tk-us-', 'b64u', 48),
  {
    id: 'defined-networking-key', description: 'Defined Networking (Nebula) API key', keywords: ['dnkey-'],
    regex: `${B}dnkey-[A-Za-z0-9=_-]{26}-[A-Za-z0-9=_-]{52}(?![A-Za-z0-9=_-])`, match: [`dnkey-${fake('uc36', 26, 'dn')}-${fake('uc36', 52, 'dn2')}`], noMatch: ['dnkey-abc-def'],
  },
  {
    id: 'sidekiq-credentials', description: 'Sidekiq Pro/Enterprise gem server credentials', keywords: ['contribsys'], window: { before: 60, after: 80 },
    regex: `(?:BUNDLE_(?:ENTERPRISE|GEMS)__CONTRIBSYS__COM["']?\\s{0,4}[:=]\\s{0,4}["']?|https?://)([0-9a-f]{8}:[0-9a-f]{8})(?![0-9a-f])`, group: 1, flags: 'i',
    match: [{ text: `BUNDLE_ENTERPRISE__CONTRIBSYS__COM=${fake('hex', 8, 'sk1')}:${fake('hex', 8, 'sk2')}`, value: `${fake('hex', 8, 'sk1')}:${fake('hex', 8, 'sk2')}` }], noMatch: ['BUNDLE_ENTERPRISE__CONTRIBSYS__COM=user:pass'],
  },
  named('snyk-token', 'Snyk API token (a UUID) next to its name', ['snyk'], UUID, uuid('snyk')),
  named('launchdarkly-token', 'LaunchDarkly access token next to its name', ['launchdarkly'], '(?:(?:api|sdk|mob)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[A-Za-z0-9=_-]{40})', `api-${uuid('ld')}`),
];
