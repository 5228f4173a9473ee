/// Namespace placeholder until the DescentRender issue fills this target.
enum DescentRenderNamespace {}
