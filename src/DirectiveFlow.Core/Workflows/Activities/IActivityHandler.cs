using System.Text.Json.Nodes;
using DirectiveFlow.Core.Workflows.Validation;

namespace DirectiveFlow.Core.Workflows.Activities;

/// <summary>
/// Everything about one activity type, in one class: what it is (<see cref="Descriptor"/>), how it reads and checks its
/// properties, how a token runs through it, and what the studio starts it with and shows under its name. The walker,
/// the validator, the studio palette and the catalog read from the registered handlers; none of them switches on a type.
/// Derive from <see cref="ActivityHandler"/>, which gives the no-op defaults.
/// </summary>
public interface IActivityHandler
{
    /// <summary>Names, ports, fields and whether the type blocks.</summary>
    ActivityDescriptor Descriptor { get; }

    /// <summary>The typed properties of <paramref name="activity"/>, read once per definition version; null when the
    /// type has none. Throws <see cref="ActivityPropertiesException"/> for unreadable properties.</summary>
    object? ReadProperties(ActivityDefinition activity);

    /// <summary>The type's own validation rules, beyond the schema and the graph rules every activity gets.</summary>
    void Check(ActivityCheck check);

    /// <summary>The properties a new node gets when dropped from the studio palette.</summary>
    JsonObject StudioDefaults();

    /// <summary>The one-line summary the studio shows under the node's name, in Vietnamese and English.</summary>
    ActivityText Summary(JsonObject properties);

    /// <summary>Moves the token that reached the activity: follow a port, end, or leave a bookmark through the store.</summary>
    Task RunAsync(IActivityRun run, CancellationToken cancellationToken);
}
