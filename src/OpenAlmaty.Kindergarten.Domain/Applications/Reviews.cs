namespace OpenAlmaty.Kindergarten.Domain.Applications;

/// What the population registry says about an adult and a child.
public enum Parenthood { Unknown = 0, Yes = 1, No = 2 }

/// Whether staff still have to confirm that the applicant may act for the child. Applications
/// filed while the registry answered "yes" (and every application filed before the registry
/// existed) need no review.
public enum ParenthoodReview { NotRequired = 0, UnderReview = 1, Confirmed = 2, Rejected = 3 }

/// Where a claimed privilege stands. Only a confirmed privilege in force moves the child out of
/// the general order (Application.PriorityGroup); NotRequired is "no privilege, or one granted
/// before evidence was asked for".
public enum PrivilegeReview { NotRequired = 0, UnderReview = 1, Confirmed = 2, Rejected = 3, Lapsed = 4 }
