/** What the IP benchmark bundles: the engine, the organisation's classifiers and protected data. */
export { DETECTORS } from '../../src/core/detect/registry';
export { Engine } from '../../src/core/detect/engine';
export { Classifiers } from '../../src/core/policy/classifiers';
export { organisationDetectors } from '../../src/core/policy/organisation';
export { buildEdm, EdmMatcher } from '../../src/core/protect/edm';
export { buildFingerprintSet, FingerprintMatcher } from '../../src/core/protect/fingerprint';
export { decodeProtectedData, encodeProtectedData, protectedDataDetectors } from '../../src/core/protect/bundle';
export { sipKey } from '../../src/core/protect/siphash';
