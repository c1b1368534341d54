import { B, type TokenSpec } from '../token';
import { fake, named, prefixed } from './shape';

const fromBase64 = (v: string): string => {
  try {
    return atob(v);
  } catch {
    return '';
  }
};

/** Package registries and artifact stores. (npm's own token, with its checksum, is in checksums.ts.) */
export const registries: TokenSpec[] = [
  {
    id: 'npmrc-auth-token', description: '_authToken in an .npmrc', keywords: ['_authtoken'],
    regex: `_authToken\\s*=\\s*([^\\s$"'{}]{16,512})`, group: 1,
    match: [{ text: '//registry.npmjs.org/:_authToken=3f9a2c7e-11b4-4c2d-9e8f-0a1b2c3d4e5f', value: '3f9a2c7e-11b4-4c2d-9e8f-0a1b2c3d4e5f' }],
    noMatch: ['//npm.pkg.github.com/:_authToken=${NPM_TOKEN}'],
  },
  {
    // PyPI tokens are macaroons; the prefix is the base64 of the macaroon's location, "pypi.org".
    id: 'pypi-token', description: 'PyPI upload token', keywords: ['pypi-ageichlwas5vcmc', 'pypi-ageidgvzdc5wexbplm9yzw'],
    regex: `${B}pypi-AgE(?:IcHlwaS5vcmc|IdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{50,1000}`, match: [`pypi-AgEIcHlwaS5vcmc${fake('b64u', 120, 'pypi')}`, `pypi-AgEIdGVzdC5weXBpLm9yZw${fake('b64u', 120, 'testpypi')}`], noMatch: ['pypi-upload'],
  },
  prefixed('rubygems-key', 'RubyGems API key', 'rubygems_', 'hex', 48),
  prefixed('nuget-key', 'NuGet API key', 'oy2', 'lc36', 43, { score: 0.85 }),
  // "cio" alone is in every other Spanish word ("servicio"): a Cargo or registry word must be near.
  prefixed('crates-io-token', 'crates.io API token near a Cargo or registry word', 'cio', 'a62', 32, { score: 0.8, keywords: ['cargo', 'crates', 'registry', 'token'], match: [] }),
  prefixed('clojars-token', 'Clojars deploy token', 'CLOJARS_', 'a62', 60),
  {
    id: 'docker-token', description: 'Docker Hub personal access token', keywords: ['dckr_pat_', 'dckr_oat_'],
    regex: `${B}dckr_(?:pat|oat)_[A-Za-z0-9_-]{27,128}(?![A-Za-z0-9_-])`, match: [`dckr_pat_${fake('b64u', 27, 'dckr')}`, `dckr_oat_${fake('b64u', 32, 'dckr2')}`], noMatch: ['dckr_pat_tooshort'],
  },
  {
    id: 'docker-config-auth', description: 'Registry credentials in a Docker config.json', keywords: ['"auths"', '"auth"'], window: { before: 300, after: 300 },
    regex: `"auth"\\s*:\\s*"([A-Za-z0-9+/]{12,400}={0,2})"`, group: 1, score: 0.85,
    // The value is base64 of "user:password".
    validate: (v) => (/^[^:]+:./.test(fromBase64(v)) ? true : 0.6),
    match: [{ text: `{"auths": {"registry.example.com": {"auth": "${btoa(`deploy:${fake('a62', 16, 'dockerauth')}`)}"}}}`, value: btoa(`deploy:${fake('a62', 16, 'dockerauth')}`) }],
    noMatch: ['{"auths": {"r": {"auth": ""}}}'],
  },
  prefixed('artifactory-api-key', 'JFrog Artifactory API key', 'AKCp', 'a62', [69, 73]),
  prefixed('artifactory-reference-token', 'JFrog Artifactory reference token', 'cmVmdGtu', 'a62', [56, 59], { score: 0.85 }),
  named('jfrog-token', 'JFrog access token next to its name', ['jfrog', 'artifactory'], '[A-Za-z0-9]{64,73}', fake('a62', 73, 'jfrog')),
  named('packagist-token', 'Private Packagist token next to its name', ['packagist'], '(?:packagist_[a-z]{3}_)?[0-9a-f]{60,68}', `packagist_uut_${fake('hex', 64, 'packagist')}`),
  named('hex-pm-key', 'Hex package manager API key next to its name', ['hex_api_key', 'hexpm'], '[0-9a-f]{32}', fake('hex', 32, 'hexpm')),
  prefixed('jsr-token', 'JSR (JavaScript registry) token', 'jsrp_', 'a62', [40, 64], { score: 0.85 }),
];
