namespace DirectiveFlow.Core.Workflows.Validation;

/// <summary>Tarjan's strongly connected components, iterative so a long chain cannot overflow the stack.</summary>
internal static class StronglyConnected
{
    /// <summary>The components that form a cycle: two or more nodes, or one node with an edge to itself.</summary>
    public static List<List<string>> Cycles(IEnumerable<string> nodes, Func<string, IEnumerable<string>> next)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var result = new List<List<string>>();
        var counter = 0;

        foreach (var root in nodes.ToList())
        {
            if (index.ContainsKey(root))
            {
                continue;
            }

            var work = new Stack<(string Node, IEnumerator<string> Children)>();
            Visit(root);
            while (work.Count > 0)
            {
                var (node, children) = work.Peek();
                if (children.MoveNext())
                {
                    var child = children.Current;
                    if (!index.TryGetValue(child, out var childIndex))
                    {
                        Visit(child);
                    }
                    else if (onStack.Contains(child))
                    {
                        low[node] = Math.Min(low[node], childIndex);
                    }

                    continue;
                }

                work.Pop();
                if (work.Count > 0)
                {
                    var parent = work.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[node]);
                }

                if (low[node] == index[node])
                {
                    var component = new List<string>();
                    string member;
                    do
                    {
                        member = stack.Pop();
                        onStack.Remove(member);
                        component.Add(member);
                    }
                    while (member != node);

                    if (component.Count > 1 || next(node).Contains(node))
                    {
                        result.Add(component);
                    }
                }
            }

            void Visit(string node)
            {
                index[node] = low[node] = counter++;
                stack.Push(node);
                onStack.Add(node);
                work.Push((node, next(node).GetEnumerator()));
            }
        }

        return result;
    }
}
