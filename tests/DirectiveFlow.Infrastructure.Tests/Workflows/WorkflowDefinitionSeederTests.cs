using DirectiveFlow.Infrastructure.Workflows;
using DirectiveFlow.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DirectiveFlow.Infrastructure.Tests.Workflows;

public sealed class WorkflowDefinitionSeederTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Seeding_publishes_every_shipped_flow_once(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        var first = await SeedAsync(db, DefinitionJson.ShippedFolder);
        var second = await SeedAsync(db, DefinitionJson.ShippedFolder);

        Assert.Equal(5, first.Count);
        Assert.All(first.Values, s => Assert.Equal(DefinitionStoreStatus.Published, s));
        Assert.All(second.Values, s => Assert.Equal(DefinitionStoreStatus.Unchanged, s));
        var records = await db.CreateContext().WorkflowDefinitions.ToListAsync(Ct);
        Assert.Equal(["committee-directive", "conclusion-items", "council-supervision", "front-supervision", "party-conclusion"],
            records.Select(r => r.DefinitionId).Order(StringComparer.Ordinal));
        Assert.All(records, r => Assert.True(r is { Version: 1, IsPublished: true, IsLatest: true }));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Changed_file_becomes_a_new_published_version(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var folder = Directory.CreateTempSubdirectory("df-seed-").FullName;
        try
        {
            var file = Path.Combine(folder, "sample.json");
            await File.WriteAllTextAsync(file, DefinitionJson.Sample(), Ct);
            await SeedAsync(db, folder);
            await File.WriteAllTextAsync(file, DefinitionJson.Renamed(DefinitionJson.Sample(), "Đã cập nhật"), Ct);

            var result = await SeedAsync(db, folder);
            await SeedAsync(db, folder);

            Assert.Equal(DefinitionStoreStatus.Published, result["sample.json"]);
            var versions = await db.CreateContext().WorkflowDefinitions.OrderBy(r => r.Version).ToListAsync(Ct);
            Assert.Equal([(1, false, "Quy trình mẫu"), (2, true, "Đã cập nhật")], versions.Select(v => (v.Version, v.IsLatest, v.Name)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Invalid_file_is_skipped_and_the_others_are_seeded(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var folder = Directory.CreateTempSubdirectory("df-seed-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "bad.json"), DefinitionJson.Invalid("bad-flow"), Ct);
            await File.WriteAllTextAsync(Path.Combine(folder, "good.json"), DefinitionJson.Sample("good-flow"), Ct);

            var result = await SeedAsync(db, folder);

            Assert.Equal(DefinitionStoreStatus.Invalid, result["bad.json"]);
            Assert.Equal(DefinitionStoreStatus.Published, result["good.json"]);
            Assert.Equal("good-flow", (await db.CreateContext().WorkflowDefinitions.SingleAsync(Ct)).DefinitionId);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<IReadOnlyDictionary<string, DefinitionStoreStatus>> SeedAsync(TestDatabase db, string folder)
    {
        await using var context = db.CreateContext();
        var store = new WorkflowDefinitionStore(context, new Core.Workflows.Validation.WorkflowValidator(), new FakeTimeProvider());
        return await new WorkflowDefinitionSeeder(store, NullLogger<WorkflowDefinitionSeeder>.Instance).SeedAsync(folder, Ct);
    }
}
