using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DirectiveFlow.Infrastructure.Configuration;

/// <summary>
/// The one way an options class is bound: to its configuration section, checked against its data annotations when the
/// host starts (a bad value stops the start with the setting's name, instead of failing at the first request), and
/// available both as <see cref="IOptions{TOptions}"/> and as the class itself.
/// </summary>
public static class ValidatedOptions
{
    /// <summary>
    /// Binds and registers <typeparamref name="TOptions"/>, and returns the values as configured now, for the few
    /// decisions taken while services are registered (which provider, whether jobs run). The same values are
    /// validated at start.
    /// </summary>
    public static TOptions AddValidatedOptions<TOptions>(this IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class, new()
    {
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<TOptions>>().Value);
        return Read<TOptions>(configuration, section);
    }

    /// <summary>The values of a section as configured now (defaults where a setting is absent), without registering anything.</summary>
    public static TOptions Read<TOptions>(IConfiguration configuration, string section)
        where TOptions : class, new()
    {
        var options = new TOptions();
        configuration.GetSection(section).Bind(options);
        return options;
    }
}
