/// Namespace placeholder until the DescentSearch issue fills this target.
enum DescentSearchNamespace {}
