import defaultPolicyDocument from './default-policy.json';
import { parsePolicy, type Policy } from './schema';

/** The shipped default policy, loaded through the same validator as any policy file. */
export const defaultPolicy: Policy = parsePolicy(defaultPolicyDocument);
