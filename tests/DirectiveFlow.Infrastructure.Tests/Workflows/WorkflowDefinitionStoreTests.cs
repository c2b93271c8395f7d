using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Workflows.Validation;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Workflows;
using DirectiveFlow.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace DirectiveFlow.Infrastructure.Tests.Workflows;

public sealed class WorkflowDefinitionStoreTests
{
    private static readonly WorkflowValidator Validator = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Creating_a_definition_stores_version_1_as_the_latest_draft(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var context = db.CreateContext();

        var result = await Store(context).CreateDraftAsync(DefinitionJson.Sample(), Ct);

        Assert.Equal(DefinitionStoreStatus.Created, result.Status);
        var stored = await db.CreateContext().WorkflowDefinitions.SingleAsync(Ct);
        Assert.Equal((1, false, true, "Quy trình mẫu"), (stored.Version, stored.IsPublished, stored.IsLatest, stored.Name));
        Assert.Equal(DefinitionJson.Sample(), stored.Json);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Invalid_definition_is_refused_with_every_error_and_nothing_is_saved(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var context = db.CreateContext();

        var result = await Store(context).CreateDraftAsync(DefinitionJson.Invalid(), Ct);

        Assert.Equal(DefinitionStoreStatus.Invalid, result.Status);
        Assert.Contains(result.Errors!, e => e.Code == ValidationCodes.MissingDeadline && e.ActivityId == "respond");
        Assert.Equal(0, await db.CreateContext().WorkflowDefinitions.CountAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Saving_edits_the_draft_in_place_until_it_is_published(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var context = db.CreateContext();
        var store = Store(context);
        await store.CreateDraftAsync(DefinitionJson.Sample(), Ct);

        var saved = await store.SaveDraftAsync("sample-flow", DefinitionJson.Renamed(DefinitionJson.Sample(), "Bản sửa"), null, Ct);

        Assert.Equal(DefinitionStoreStatus.Updated, saved.Status);
        var only = await db.CreateContext().WorkflowDefinitions.SingleAsync(Ct);
        Assert.Equal((1, "Bản sửa"), (only.Version, only.Name));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Publishing_with_a_note_keeps_the_note_and_the_publisher_and_without_one_writes_nothing(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var context = db.CreateContext();
        var store = Store(context);
        await store.CreateDraftAsync(DefinitionJson.Sample(), Ct);

        var refused = await store.PublishAsync("sample-flow", null, " ", "admin", Ct);
        var published = await store.PublishAsync("sample-flow", null, "  Bản đầu tiên  ", "admin", Ct);

        Assert.Equal((DefinitionStoreStatus.InvalidNote, "workflow-change-note-required"), (refused.Status, refused.Problem!.Code));
        Assert.Equal(DefinitionStoreStatus.Published, published.Status);
        var stored = await db.CreateContext().WorkflowDefinitions.SingleAsync(Ct);
        Assert.Equal((true, "Bản đầu tiên", "admin", _time.GetUtcNow()), (stored.IsPublished, stored.ChangeNote, stored.PublishedBy, stored.PublishedAt));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Saving_after_publish_opens_the_next_version_and_leaves_the_published_one_untouched(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var context = db.CreateContext();
        var store = Store(context);
        await store.CreateDraftAsync(DefinitionJson.Sample(), Ct);
        var published = await store.PublishAsync("sample-flow", null, Ct);

        var saved = await store.SaveDraftAsync("sample-flow", DefinitionJson.Renamed(DefinitionJson.Sample(), "Phiên bản 2"), null, Ct);

        Assert.Equal(DefinitionStoreStatus.Published, published.Status);
        Assert.Equal(_time.GetUtcNow(), published.Record!.PublishedAt);
        Assert.Equal((DefinitionStoreStatus.Created, 2), (saved.Status, saved.Record!.Version));
        var versions = await db.CreateContext().WorkflowDefinitions.OrderBy(r => r.Version).ToListAsync(Ct);
        Assert.Equal([(1, true, false, "Quy trình mẫu"), (2, false, true, "Phiên bản 2")],
            versions.Select(v => (v.Version, v.IsPublished, v.IsLatest, v.Name)));
        Assert.Equal(1, (await store.GetPublishedAsync("sample-flow", Ct))!.Version);
        Assert.Equal(2, (await store.GetAsync("sample-flow", null, Ct))!.Version);
        Assert.Equal("Quy trình mẫu", (await store.GetAsync("sample-flow", 1, Ct))!.Name);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Publishing_without_a_draft_is_a_conflict(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var context = db.CreateContext();
        var store = Store(context);
        await store.CreateDraftAsync(DefinitionJson.Sample(), Ct);
        await store.PublishAsync("sample-flow", null, Ct);

        var again = await store.PublishAsync("sample-flow", null, Ct);

        Assert.Equal(DefinitionStoreStatus.Conflict, again.Status);
        Assert.Contains("already published", again.Message, StringComparison.Ordinal);
        Assert.Equal(DefinitionStoreStatus.NotFound, (await store.PublishAsync("missing", null, Ct)).Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Creating_an_existing_definition_is_a_conflict(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var context = db.CreateContext();
        var store = Store(context);
        await store.CreateDraftAsync(DefinitionJson.Sample(), Ct);

        var second = await store.CreateDraftAsync(DefinitionJson.Sample(), Ct);

        Assert.Equal(DefinitionStoreStatus.Conflict, second.Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Saving_with_a_stale_stamp_is_refused(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var context = db.CreateContext();
        var store = Store(context);
        var created = await store.CreateDraftAsync(DefinitionJson.Sample(), Ct);
        var loadedStamp = DefinitionStamp.Of(created.Record!);
        await store.SaveDraftAsync("sample-flow", DefinitionJson.Renamed(DefinitionJson.Sample(), "Người khác sửa"), loadedStamp, Ct);

        var mine = await store.SaveDraftAsync("sample-flow", DefinitionJson.Renamed(DefinitionJson.Sample(), "Tôi sửa"), loadedStamp, Ct);

        Assert.Equal(DefinitionStoreStatus.Conflict, mine.Status);
        Assert.Equal("Người khác sửa", (await store.GetAsync("sample-flow", null, Ct))!.Name);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Saving_based_on_a_version_that_is_no_longer_the_latest_is_refused_though_its_stamp_is_the_same(string provider)
    {
        // Two administrators open published version 1 at stamp 0; the first to save opens draft version 2, also at
        // stamp 0. The second save, based on version 1, used to overwrite that draft.
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var context = db.CreateContext();
        var store = Store(context);
        var imported = await store.ImportPublishedAsync(DefinitionJson.Sample(), Ct);
        var loaded = DefinitionStamp.Of(imported.Record!);
        var theirs = await store.SaveDraftAsync("sample-flow", DefinitionJson.Renamed(DefinitionJson.Sample(), "Người khác sửa"), loaded, Ct);
        Assert.Equal((DefinitionStoreStatus.Created, 2, loaded.Stamp), (theirs.Status, theirs.Record!.Version, theirs.Record.ConcurrencyStamp));

        var mine = await store.SaveDraftAsync("sample-flow", DefinitionJson.Renamed(DefinitionJson.Sample(), "Tôi sửa"), loaded, Ct);
        var myPublish = await store.PublishAsync("sample-flow", loaded, "Của tôi", "admin", Ct);

        Assert.Equal((DefinitionStoreStatus.Conflict, DefinitionStoreStatus.Conflict), (mine.Status, myPublish.Status));
        var latest = (await store.GetAsync("sample-flow", null, Ct))!;
        Assert.Equal((2, false, "Người khác sửa"), (latest.Version, latest.IsPublished, latest.Name));
        Assert.Equal(DefinitionStoreStatus.Updated,
            (await store.SaveDraftAsync("sample-flow", DefinitionJson.Renamed(DefinitionJson.Sample(), "Tôi sửa sau khi tải lại"), DefinitionStamp.Of(latest), Ct)).Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Concurrent_writer_on_the_same_draft_loses_with_a_conflict(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using (var setup = db.CreateContext())
        {
            await Store(setup).CreateDraftAsync(DefinitionJson.Sample(), Ct);
        }

        await using var slow = db.CreateContext();
        _ = await slow.WorkflowDefinitions.SingleAsync(Ct); // the slow writer has read the draft before the fast one commits
        await using (var fast = db.CreateContext())
        {
            Assert.Equal(DefinitionStoreStatus.Updated, (await Store(fast).SaveDraftAsync("sample-flow", DefinitionJson.Renamed(DefinitionJson.Sample(), "Nhanh"), null, Ct)).Status);
        }

        var late = await Store(slow).SaveDraftAsync("sample-flow", DefinitionJson.Renamed(DefinitionJson.Sample(), "Chậm"), null, Ct);

        Assert.Equal(DefinitionStoreStatus.Conflict, late.Status);
        Assert.Equal("Nhanh", (await db.CreateContext().WorkflowDefinitions.SingleAsync(Ct)).Name);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Deleting_a_draft_makes_the_published_version_latest_again(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var context = db.CreateContext();
        var store = Store(context);
        await store.CreateDraftAsync(DefinitionJson.Sample(), Ct);
        await store.PublishAsync("sample-flow", null, Ct);
        await store.SaveDraftAsync("sample-flow", DefinitionJson.Renamed(DefinitionJson.Sample(), "Nháp"), null, Ct);

        var deleted = await store.DeleteDraftAsync("sample-flow", Ct);
        var again = await store.DeleteDraftAsync("sample-flow", Ct);

        Assert.Equal(DefinitionStoreStatus.Deleted, deleted.Status);
        Assert.Equal(DefinitionStoreStatus.Conflict, again.Status);
        var left = await db.CreateContext().WorkflowDefinitions.SingleAsync(Ct);
        Assert.Equal((1, true, true), (left.Version, left.IsPublished, left.IsLatest));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Deleting_the_only_draft_removes_the_definition(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var context = db.CreateContext();
        var store = Store(context);
        await store.CreateDraftAsync(DefinitionJson.Sample(), Ct);

        var deleted = await store.DeleteDraftAsync("sample-flow", Ct);

        Assert.Equal(DefinitionStoreStatus.Deleted, deleted.Status);
        Assert.Null(await store.GetAsync("sample-flow", null, Ct));
        Assert.Equal(DefinitionStoreStatus.NotFound, (await store.DeleteDraftAsync("sample-flow", Ct)).Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_leaves_an_open_draft_alone(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var context = db.CreateContext();
        var store = Store(context);
        await store.CreateDraftAsync(DefinitionJson.Sample(), Ct);

        var imported = await store.ImportPublishedAsync(DefinitionJson.Renamed(DefinitionJson.Sample(), "Bản phát hành"), Ct);

        Assert.Equal(DefinitionStoreStatus.Conflict, imported.Status);
        var only = await db.CreateContext().WorkflowDefinitions.SingleAsync(Ct);
        Assert.Equal((1, false, "Quy trình mẫu"), (only.Version, only.IsPublished, only.Name));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Listing_shows_latest_and_published_versions_and_open_drafts(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var context = db.CreateContext();
        var store = Store(context);
        await store.CreateDraftAsync(DefinitionJson.Sample("a-flow", "A"), Ct);
        await store.CreateDraftAsync(DefinitionJson.Sample("b-flow", "B"), Ct);
        await store.PublishAsync("b-flow", null, Ct);
        await store.SaveDraftAsync("b-flow", DefinitionJson.Renamed(DefinitionJson.Sample("b-flow"), "B2"), null, Ct);
        await store.CreateDraftAsync(DefinitionJson.Sample("c-flow", "C"), Ct);

        var page = await store.ListAsync(PageRequest.From(1, 2), Ct);

        Assert.Equal(3, page.Total);
        Assert.Equal(
            [new WorkflowSummary("a-flow", "A", page.Items[0].Description, 1, null, true), new WorkflowSummary("b-flow", "B2", page.Items[1].Description, 2, 1, true)],
            page.Items);
    }

    private WorkflowDefinitionStore Store(DirectiveFlowDbContext context) => new(context, Validator, _time);
}
