/// The classes of change between two snapshots of an organization.
public enum ChangeKind: String, CaseIterable, Sendable {
    case added, removed, renamed, moved, merged, split
    case headChanged = "head-changed"
    case accountabilityChanged = "accountability-changed"
    case servicesChanged = "services-changed"
    case unchanged
}
