package hk.baycover.model;

/**
 * What happens to a pre-existing condition the client declares when applying: covered, excluded, underwritten (the
 * insurer decides: exclude it, charge more, or decline), or not stated. Conditions unknown at joining follow
 * {@link PreExistingRule} instead.
 */
public enum DeclaredRule { COVERED, EXCLUDED, UNDERWRITTEN, NOT_STATED }
