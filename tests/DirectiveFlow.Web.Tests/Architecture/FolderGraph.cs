using System.Reflection;
using Mono.Cecil;

namespace DirectiveFlow.Web.Tests.Architecture;

/// <summary>
/// Which folder (area) of the product uses which, read from the compiled assemblies: every type a type names in its
/// signatures, attributes and method bodies. A type belongs to the area of its namespace's first segment after the
/// project (<c>DirectiveFlow.Infrastructure.Email.Outbox</c> → <c>Infrastructure.Email</c>); the Web project's
/// <c>Components</c> are split one level further (<c>Web.Components.Studio</c>), since each is a feature of its own.
/// </summary>
public sealed class FolderGraph
{
    private readonly Dictionary<string, HashSet<string>> _uses = new(StringComparer.Ordinal);
    private readonly Dictionary<(string From, string To), string> _example = [];

    private FolderGraph()
    {
    }

    public IReadOnlyCollection<string> Areas => _uses.Keys;

    public static FolderGraph Of(params Assembly[] assemblies)
    {
        var graph = new FolderGraph();
        foreach (var assembly in assemblies)
        {
            using var module = ModuleDefinition.ReadModule(assembly.Location);
            foreach (var type in module.GetTypes())
            {
                if (AreaOf(OuterNamespace(type)) is { } from)
                {
                    graph.Add(from, type);
                }
            }
        }

        return graph;
    }

    public bool Uses(string from, string to) => _uses.TryGetValue(from, out var set) && set.Contains(to);

    /// <summary>One type of <paramref name="from"/> that names a type of <paramref name="to"/>, for the failure message.</summary>
    public string Example(string from, string to) => _example.GetValueOrDefault((from, to), "?");

    /// <summary>Every pair of areas that use each other, except through <paramref name="exempt"/>.</summary>
    public IReadOnlyList<string> Cycles(IReadOnlySet<string> exempt) =>
        [.. from a in _uses.Keys
            from b in _uses[a]
            where string.CompareOrdinal(a, b) < 0 && Uses(b, a) && !exempt.Contains(a) && !exempt.Contains(b)
            select $"{a} ↔ {b} ({Example(a, b)} → {b}; {Example(b, a)} → {a})"];

    public static string? AreaOf(string? ns)
    {
        var parts = (ns ?? "").Split('.');
        if (parts.Length < 3 || parts[0] != "DirectiveFlow" || parts[1] is not ("Core" or "Infrastructure" or "Web"))
        {
            return null;
        }

        return parts[1] == "Web" && parts[2] == "Components" && parts.Length > 3
            ? $"{parts[1]}.{parts[2]}.{parts[3]}"
            : $"{parts[1]}.{parts[2]}";
    }

    private static string OuterNamespace(TypeReference type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type.Namespace;
    }

    private void Add(string from, TypeDefinition type)
    {
        var uses = _uses.TryGetValue(from, out var set) ? set : _uses[from] = new HashSet<string>(StringComparer.Ordinal);
        foreach (var used in Named(type).SelectMany(Flatten))
        {
            if (AreaOf(OuterNamespace(used)) is { } to && to != from && uses.Add(to))
            {
                _example[(from, to)] = type.FullName;
            }
        }
    }

    private static IEnumerable<TypeReference> Named(TypeDefinition type)
    {
        if (type.BaseType is not null)
        {
            yield return type.BaseType;
        }

        foreach (var i in type.Interfaces)
        {
            yield return i.InterfaceType;
        }

        foreach (var a in type.CustomAttributes)
        {
            yield return a.AttributeType;
        }

        foreach (var f in type.Fields)
        {
            yield return f.FieldType;
        }

        foreach (var p in type.Properties)
        {
            yield return p.PropertyType;
        }

        foreach (var m in type.Methods)
        {
            yield return m.ReturnType;
            foreach (var p in m.Parameters)
            {
                yield return p.ParameterType;
            }

            if (!m.HasBody)
            {
                continue;
            }

            foreach (var v in m.Body.Variables)
            {
                yield return v.VariableType;
            }

            foreach (var operand in m.Body.Instructions.Select(i => i.Operand))
            {
                switch (operand)
                {
                    case TypeReference t:
                        yield return t;
                        break;
                    case MemberReference member when member.DeclaringType is not null:
                        yield return member.DeclaringType;
                        if (member is MethodReference method)
                        {
                            yield return method.ReturnType;
                            if (method is GenericInstanceMethod instance)
                            {
                                foreach (var argument in instance.GenericArguments)
                                {
                                    yield return argument;
                                }
                            }
                        }
                        else if (member is FieldReference field)
                        {
                            yield return field.FieldType;
                        }

                        break;
                }
            }
        }

        foreach (var generic in type.GenericParameters.SelectMany(g => g.Constraints))
        {
            yield return generic.ConstraintType;
        }
    }

    /// <summary>The types a type reference names: itself, its generic arguments, the element of an array or reference.</summary>
    private static IEnumerable<TypeReference> Flatten(TypeReference type)
    {
        yield return type.GetElementType();
        if (type is GenericInstanceType generic)
        {
            foreach (var argument in generic.GenericArguments.SelectMany(Flatten))
            {
                yield return argument;
            }
        }
        else if (type is TypeSpecification specification)
        {
            foreach (var element in Flatten(specification.ElementType))
            {
                yield return element;
            }
        }
    }
}
