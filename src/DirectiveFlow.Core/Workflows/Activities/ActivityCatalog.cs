using System.Collections.Frozen;

namespace DirectiveFlow.Core.Workflows.Activities;

/// <summary>
/// The activity types the engine knows: the registered <see cref="IActivityHandler"/>s, in their descriptors' order. The
/// validator, the walker, the studio and the API read types, ports and fields from here. <see cref="BuiltIn"/> holds
/// the handlers of this assembly, for code that runs without a service container.
/// </summary>
public sealed class ActivityCatalog
{
    private readonly FrozenDictionary<string, IActivityHandler> _byType;

    public ActivityCatalog(IEnumerable<IActivityHandler> handlers)
    {
        Handlers = handlers.OrderBy(h => h.Descriptor.Order).ThenBy(h => h.Descriptor.Type, StringComparer.Ordinal).ToList();
        _byType = Handlers.ToFrozenDictionary(h => h.Descriptor.Type, StringComparer.Ordinal);
        All = Handlers.Select(h => h.Descriptor).ToList();
    }

    /// <summary>The handlers found in this assembly: every concrete <see cref="IActivityHandler"/> with a parameterless constructor.</summary>
    public static ActivityCatalog BuiltIn { get; } = new(Discover(typeof(ActivityCatalog).Assembly));

    public IReadOnlyList<IActivityHandler> Handlers { get; }

    public IReadOnlyList<ActivityDescriptor> All { get; }

    /// <summary>The concrete handler types of <paramref name="assembly"/>, in name order so every start lists them alike.</summary>
    public static IEnumerable<Type> HandlerTypesIn(System.Reflection.Assembly assembly) => assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IActivityHandler).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal);

    public bool IsKnown(string type) => _byType.ContainsKey(type);

    public ActivityDescriptor? Find(string type) => _byType.GetValueOrDefault(type)?.Descriptor;

    /// <summary>The descriptor of <paramref name="type"/>; throws <see cref="KeyNotFoundException"/> for an unknown type.</summary>
    public ActivityDescriptor Get(string type) => HandlerOf(type).Descriptor;

    /// <summary>The handler of <paramref name="type"/>; throws <see cref="KeyNotFoundException"/> for an unknown type.</summary>
    public IActivityHandler HandlerOf(string type) =>
        _byType.TryGetValue(type, out var handler) ? handler : throw new KeyNotFoundException($"Unknown activity type '{type}'.");

    public IActivityHandler? FindHandler(string type) => _byType.GetValueOrDefault(type);

    /// <summary>Every outcome port <paramref name="activity"/> exposes: its type's fixed ports plus, for a type with
    /// configurable outcomes, the extra <c>outcomes</c> it lists. Empty for an unknown type; unreadable outcomes fall back
    /// to the fixed ports.</summary>
    public IReadOnlyList<string> OutcomesOf(ActivityDefinition activity)
    {
        if (Find(activity.Type) is not { } descriptor)
        {
            return [];
        }

        if (!descriptor.HasConfigurableOutcomes)
        {
            return descriptor.FixedOutcomes;
        }

        try
        {
            return new PropertyReader(activity.Properties, "").Strings("outcomes") is { } extra
                ? descriptor.FixedOutcomes.Concat(extra).Distinct(StringComparer.Ordinal).ToList()
                : descriptor.FixedOutcomes;
        }
        catch (ActivityPropertiesException)
        {
            return descriptor.FixedOutcomes;
        }
    }

    private static IEnumerable<IActivityHandler> Discover(System.Reflection.Assembly assembly) =>
        HandlerTypesIn(assembly).Select(t => (IActivityHandler)Activator.CreateInstance(t)!);
}
