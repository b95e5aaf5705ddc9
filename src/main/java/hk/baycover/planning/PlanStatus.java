package hk.baycover.planning;

/** Where a plan stands with the client. */
public enum PlanStatus { DRAFT, PROPOSED, ACCEPTED, DECLINED }
