using DirectiveFlow.Infrastructure.Demo;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Organisation;
using DirectiveFlow.Infrastructure.Organisation.Import;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DirectiveFlow.Infrastructure.Tests.Organisation.Import;

/// <summary>Builds an importer on a context without a host (demo accounts off unless asked).</summary>
internal static class ImporterFactory
{
    public static OrganisationImporter Create(DirectiveFlowDbContext db, bool demo = false)
    {
        var accounts = new DemoAccountProvisioner(
            db, new PasswordHasher<AppUser>(), new UpperInvariantLookupNormalizer(),
            Options.Create(new DemoOptions { Enabled = demo }), NullLogger<DemoAccountProvisioner>.Instance);
        return new OrganisationImporter(db, accounts, Options.Create(new OrganisationOptions()), NullLogger<OrganisationImporter>.Instance);
    }
}
