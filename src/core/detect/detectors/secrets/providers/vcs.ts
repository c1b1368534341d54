import { B, E, type TokenSpec } from '../token';
import { githubChecked } from './checksums';
import { fake, named, prefixed } from './shape';

/** Source hosting: GitHub, GitLab, Bitbucket, Atlassian, Gitea, Sourcegraph. */
export const vcs: TokenSpec[] = [
  githubChecked('github-pat', 'GitHub personal access token (classic)', 'ghp_', `ghp_${fake('a62', 36, 'ghp-unchecked')}`),
  githubChecked('github-oauth-token', 'GitHub OAuth access token', 'gho_'),
  githubChecked('github-user-token', 'GitHub App user-to-server token', 'ghu_'),
  githubChecked('github-installation-token', 'GitHub App installation (server-to-server) token', 'ghs_'),
  {
    // GitHub's longer installation tokens: the installation, then a signed JWT.
    id: 'github-installation-token-jwt', description: 'GitHub App installation token (JWT form)', keywords: ['ghs_'], window: { before: 8, after: 1200 },
    regex: `${B}ghs_\\d{1,12}_eyJ[A-Za-z0-9_-]{10,400}\\.eyJ[A-Za-z0-9_-]{10,800}\\.[A-Za-z0-9_-]{20,600}(?![A-Za-z0-9_-])`,
    match: [`ghs_${'7'.repeat(8)}_eyJhbGciOiJSUzI1NiJ9.eyJ${fake('b64u', 80, 'ghsjwt')}.${fake('b64u', 43, 'ghsjwt2')}`], noMatch: ['ghs_123_eyJabc'],
  },
  {
    id: 'github-refresh-token', description: 'GitHub App refresh token', keywords: ['ghr_'],
    regex: `${B}ghr_[A-Za-z0-9]{36,76}${E}`, match: [`ghr_${fake('a62', 76, 'ghr')}`], noMatch: ['ghr_short'],
  },
  {
    id: 'github-fine-grained-pat', description: 'GitHub fine-grained personal access token', keywords: ['github_pat_'],
    regex: `${B}github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}${E}`,
    match: [`github_pat_${fake('a62', 22, 'fgpat')}_${fake('a62', 59, 'fgpat2')}`], noMatch: ['github_pat_11ABC_short'],
  },
  named('github-oauth-secret', 'GitHub OAuth app client secret next to its name', ['github_client_secret', 'github_secret', 'gh_client_secret', 'github_oauth_secret'], '[0-9a-f]{40}', fake('hex', 40, 'ghsecret')),
  named('github-client-id', 'GitHub OAuth app client ID next to its name', ['github_client_id', 'github_app_id', 'gh_client_id', 'github_oauth_id'], '(?:Iv1\\.[0-9a-f]{16}|Iv23[A-Za-z0-9]{16}|Ov23[A-Za-z0-9]{16}|[0-9a-f]{20})', fake('hex', 20, 'ghcid'), { score: 0.7 }),
  {
    id: 'gitlab-token', description: 'GitLab access token', keywords: ['glpat-', 'gldt-', 'glrt-', 'glptt-', 'glft-', 'glsoat-', 'glimt-', 'glagent-', 'gloas-', 'glcbt-', 'glffct-', 'glwt-', 'gltst-'],
    regex: `${B}gl(?:pat|dt|rt|ptt|ft|soat|imt|agent|oas|ffct|wt|tst)-[A-Za-z0-9_.-]{20,300}(?![A-Za-z0-9_-])`,
    match: ['glpat-Xy3Kq9Lm2Np8Rs4Tu7Wz', `gloas-${fake('b64u', 64, 'gloas')}`, `glpat-${fake('b64u', 36, 'routable')}.01.${fake('lc36', 9, 'routable2')}`], noMatch: ['glpat-abc'],
  },
  prefixed('gitlab-ci-job-token', 'GitLab CI/CD job token', 'glcbt-', 'b64u', [20, 300], { sample: `glcbt-64_${fake('b64u', 20, 'glcbt')}` }),
  prefixed('gitlab-runner-registration-token', 'GitLab runner registration token', 'GR1348941', 'b64u', 20),
  {
    id: 'gitlab-session-cookie', description: 'GitLab session cookie', keywords: ['_gitlab_session='],
    regex: `_gitlab_session=([0-9a-z]{32})${E}`, group: 1, match: [{ text: `Cookie: _gitlab_session=${fake('lc36', 32, 'glsess')}`, value: fake('lc36', 32, 'glsess') }], noMatch: ['_gitlab_session=abc'],
  },
  prefixed('bitbucket-app-password', 'Bitbucket app password', 'ATBB', 'a62', 32),
  named('bitbucket-client-secret', 'Bitbucket OAuth consumer key or secret next to its name', ['bitbucket'], '(?:[A-Za-z0-9=_-]{64}|[A-Za-z0-9]{32})', fake('a62', 32, 'bbsecret')),
  {
    id: 'atlassian-token', description: 'Atlassian API token', keywords: ['atatt3', 'atctt3'],
    regex: `${B}AT[AC]TT3[A-Za-z0-9_=-]{180,400}(?![A-Za-z0-9_=-])`, match: [`ATATT3xFfGF0${'aB3dE5fG7h'.repeat(19)}`], noMatch: ['ATATT3short'],
  },
  named('atlassian-legacy-token', 'Atlassian, Jira or Confluence API token (24 characters) next to its name', ['atlassian', 'jira', 'confluence'], '[A-Za-z0-9]{24}', fake('a62', 24, 'jira'), { common: true }),
  named('gitea-token', 'Gitea or Forgejo access token next to its name', ['gitea', 'forgejo'], '[0-9a-f]{40}', fake('hex', 40, 'gitea')),
  {
    id: 'sourcegraph-token', description: 'Sourcegraph access token', keywords: ['sgp_'],
    regex: `${B}sgp_(?:[0-9a-f]{16}_|local_)?[0-9a-f]{40}${E}`, match: [`sgp_${fake('hex', 16, 'sgp')}_${fake('hex', 40, 'sgp2')}`, `sgp_${fake('hex', 40, 'sgp3')}`], noMatch: ['sgp_abc'],
  },
  {
    id: 'gitalk-oauth', description: 'Gitalk OAuth client secret in its configuration', keywords: ['gitalk'], window: { before: 16, after: 300 },
    regex: `new\\s+Gitalk\\s*\\(\\s*\\{[^}]{0,200}?clientSecret:\\s*['"]([0-9a-f]{40})['"]`, group: 1,
    match: [{ text: `new Gitalk({ clientID: '${fake('hex', 20, 'gitalk')}', clientSecret: '${fake('hex', 40, 'gitalk2')}',`, value: fake('hex', 40, 'gitalk2') }], noMatch: ["new Gitalk({ clientSecret: 'xxx' })"],
  },
];
