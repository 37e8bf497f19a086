//! GUIDs and ARM resource IDs.

use std::ops::Range;

/// True for a GUID in its usual 8-4-4-4-12 hex form (either case, optional braces).
pub fn is_guid(s: &str) -> bool {
    let s = s.trim();
    let s = s
        .strip_prefix('{')
        .and_then(|x| x.strip_suffix('}'))
        .unwrap_or(s);
    let parts: Vec<&str> = s.split('-').collect();
    parts.len() == 5
        && parts
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(p, n)| p.len() == n && p.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// The GUID inside a `subscription` value: the value itself, or the GUID in
/// `Name (GUID)`. Returns the GUID's byte range within `value`.
pub fn subscription_guid(value: &str) -> Option<Range<usize>> {
    let trimmed_start = value.len() - value.trim_start().len();
    let t = value.trim();
    if is_guid(t) {
        return Some(trimmed_start..trimmed_start + t.len());
    }
    let open = value.rfind('(')?;
    let close = value[open..].find(')')? + open;
    let inner = &value[open + 1..close];
    let lead = inner.len() - inner.trim_start().len();
    is_guid(inner).then(|| open + 1 + lead..open + 1 + lead + inner.trim().len())
}

/// A parsed ARM resource ID.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResourceId<'a> {
    pub subscription: &'a str,
    /// Byte range of the subscription GUID within the parsed string.
    pub subscription_range: Range<usize>,
    pub resource_group: &'a str,
    /// Resource provider namespace, e.g. `Microsoft.Compute`.
    pub namespace: &'a str,
    /// Type/name pairs, outermost first: `[("virtualMachines", "vm1")]`,
    /// `[("servers", "s1"), ("databases", "db1")]`.
    pub types: Vec<(&'a str, &'a str)>,
}

impl ResourceId<'_> {
    /// The full resource type, `Microsoft.Sql/servers/databases`.
    pub fn full_type(&self) -> String {
        let mut t = self.namespace.to_string();
        for (ty, _) in &self.types {
            t.push('/');
            t.push_str(ty);
        }
        t
    }
}

/// Why a resource ID is not well-formed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResourceIdError {
    NoSubscriptionsPrefix,
    BadSubscriptionGuid,
    NoResourceGroup,
    NoProviders,
    NoTypeName,
    OddTypeNamePairs,
    EmptySegment,
}

impl ResourceIdError {
    pub fn describe(self) -> crate::Msg {
        let (en, ja) = match self {
            ResourceIdError::NoSubscriptionsPrefix => (
                "it must start with /subscriptions/{subscription ID}",
                "/subscriptions/{サブスクリプション ID} で始まる必要があります",
            ),
            ResourceIdError::BadSubscriptionGuid => (
                "the segment after /subscriptions/ is not a GUID",
                "/subscriptions/ の後がサブスクリプション ID（GUID）ではありません",
            ),
            ResourceIdError::NoResourceGroup => (
                "/resourceGroups/{name} is missing",
                "/resourceGroups/{名前} がありません",
            ),
            ResourceIdError::NoProviders => (
                "/providers/{namespace} is missing",
                "/providers/{名前空間} がありません",
            ),
            ResourceIdError::NoTypeName => (
                "the resource type and name are missing after the namespace",
                "名前空間の後にリソースの種類と名前がありません",
            ),
            ResourceIdError::OddTypeNamePairs => (
                "a resource type has no name after it",
                "リソースの種類の後に名前がありません",
            ),
            ResourceIdError::EmptySegment => (
                "it contains an empty segment (//) or ends with /",
                "空のセグメント `//` を含むか、`/` で終わっています",
            ),
        };
        crate::Msg::new(en, ja)
    }
}

/// Parses `/subscriptions/{guid}/resourceGroups/{rg}/providers/{ns}/{type}/{name}[/{type}/{name}…]`.
/// Segment names compare case-insensitively, as ARM does.
pub fn parse_resource_id(s: &str) -> Result<ResourceId<'_>, ResourceIdError> {
    let rest = s
        .strip_prefix('/')
        .ok_or(ResourceIdError::NoSubscriptionsPrefix)?;
    let segs: Vec<&str> = rest.split('/').collect();
    if segs.iter().any(|x| x.is_empty()) {
        if !segs
            .first()
            .is_some_and(|x| x.eq_ignore_ascii_case("subscriptions"))
        {
            return Err(ResourceIdError::NoSubscriptionsPrefix);
        }
        return Err(ResourceIdError::EmptySegment);
    }
    if !segs
        .first()
        .is_some_and(|x| x.eq_ignore_ascii_case("subscriptions"))
        || segs.len() < 2
    {
        return Err(ResourceIdError::NoSubscriptionsPrefix);
    }
    if !is_guid(segs[1]) {
        return Err(ResourceIdError::BadSubscriptionGuid);
    }
    let sub_start = 1 + segs[0].len() + 1;
    let subscription_range = sub_start..sub_start + segs[1].len();
    if segs.len() < 4 || !segs[2].eq_ignore_ascii_case("resourceGroups") {
        return Err(ResourceIdError::NoResourceGroup);
    }
    if segs.len() < 6 || !segs[4].eq_ignore_ascii_case("providers") {
        return Err(ResourceIdError::NoProviders);
    }
    let namespace = segs[5];
    let pairs = &segs[6..];
    if pairs.is_empty() {
        return Err(ResourceIdError::NoTypeName);
    }
    if !pairs.len().is_multiple_of(2) {
        return Err(ResourceIdError::OddTypeNamePairs);
    }
    Ok(ResourceId {
        subscription: segs[1],
        subscription_range,
        resource_group: segs[3],
        namespace,
        types: pairs.chunks(2).map(|c| (c[0], c[1])).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guids_and_subscription_values() {
        assert!(is_guid("6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f"));
        assert!(is_guid("6F1C2D4E-8A3B-4C5D-9E0F-1A2B3C4D5E6F"));
        assert!(!is_guid("6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6"));
        let v = "本番サブスクリプション (6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f)";
        let r = subscription_guid(v).unwrap();
        assert_eq!(&v[r], "6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f");
        assert!(subscription_guid("My subscription").is_none());
    }

    #[test]
    fn resource_ids() {
        let id = parse_resource_id("/subscriptions/6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f/resourceGroups/rg/providers/Microsoft.Sql/servers/s1/databases/db1").unwrap();
        assert_eq!(id.full_type(), "Microsoft.Sql/servers/databases");
        assert_eq!(id.types, vec![("servers", "s1"), ("databases", "db1")]);
        assert_eq!(
            parse_resource_id("/subscriptions/x/resourceGroups/rg"),
            Err(ResourceIdError::BadSubscriptionGuid)
        );
        assert_eq!(
            parse_resource_id("/subscriptions/6f1c2d4e-8a3b-4c5d-9e0f-1a2b3c4d5e6f/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines"),
            Err(ResourceIdError::OddTypeNamePairs)
        );
        assert_eq!(
            parse_resource_id("vm-web-01"),
            Err(ResourceIdError::NoSubscriptionsPrefix)
        );
    }
}
