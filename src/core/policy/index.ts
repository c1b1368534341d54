export * from './schema';
export { DEFAULT_POLICY } from './defaults';
export { BUNDLED_DESTINATIONS, destinationCategories, hostMatches } from './destinations';
export { evaluate, type Decision, type EvaluationContext } from './evaluate';
export { acceptSignedPolicy, type Acceptance, type Rejection } from './accept';
export { canonicalJson, generateKeyPair, signPolicy, verifyPolicySignature, type SignedPolicy } from './signature';
export { chromeManagedSchema, ManagedSettings } from './managed';
