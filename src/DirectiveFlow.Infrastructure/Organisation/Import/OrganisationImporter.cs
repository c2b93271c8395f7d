using System.Data.Common;
using System.Diagnostics;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Persistence.Sql;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Change = DirectiveFlow.Infrastructure.Organisation.Import.ImportCounts.Change;

namespace DirectiveFlow.Infrastructure.Organisation.Import;

/// <summary>
/// Loads a commune list: each province and commune as a locality with its four pillar units, commune units under the
/// province unit of the same pillar. A list of more than one province (the national list) also gets the national tier
/// (<see cref="NationalTier"/>): the four pillars' national bodies, each the parent of its pillar's province units; once
/// there, it stays the parent on every later import, a one-province file included. Validates the whole file first (a
/// <c>code,name,type</c> file may not move another province's communes, <see cref="ExistingCommunes"/>); then reads the existing rows once into
/// dictionaries, bulk-inserts the new rows and saves the changed ones in one transaction, so 13,300 units take a
/// second or two, not 13,300 round trips. Importing the same file again changes nothing.
/// </summary>
public sealed class OrganisationImporter(
    DirectiveFlowDbContext db,
    IUnitAccountProvisioner unitAccounts,
    IOptions<OrganisationOptions> options,
    ILogger<OrganisationImporter> logger)
{
    public async Task<OrganisationImportResult> ImportAsync(byte[] csv, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var parsed = LocalityCsvParser.Parse(csv, options.Value.DefaultProvinceCode, options.Value.DefaultProvinceName);
        if (!parsed.IsValid)
        {
            return OrganisationImportResult.Failed(parsed.Problems);
        }

        var localities = await db.Localities.AsNoTracking().ToDictionaryAsync(l => l.Code, StringComparer.Ordinal, cancellationToken);
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code, StringComparer.Ordinal, cancellationToken);
        if (ExistingCommunes.InOtherProvince(parsed, localities) is { Count: > 0 } moved)
        {
            return OrganisationImportResult.Failed(moved);
        }

        var notInFile = ExistingCommunes.NotInFile(parsed, localities, units);
        // Decided before the run adds anything: a national list, or a database that already has the national tier.
        var national = localities.ContainsKey(NationalTier.LocalityCode) || parsed.Rows.Select(r => r.ProvinceCode).Distinct().Skip(1).Any();
        var run = new ImportRun(db, localities, units);
        if (national)
        {
            run.UpsertNation();
        }

        foreach (var province in parsed.Rows.GroupBy(r => r.ProvinceCode).Select(g => g.First()))
        {
            run.UpsertProvince(province.ProvinceCode, province.ProvinceName);
        }

        foreach (var row in parsed.Rows)
        {
            run.UpsertCommune(row);
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await BulkInsert.InsertAsync(db, run.NewLocalities, cancellationToken);
            await BulkInsert.InsertAsync(db, run.NewUnits, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        if ((run.NewLocalities.Count > 0 || run.NewUnits.Count > 0) && ProviderSql.For(db).AnalyzeOrganisation is { } analyze)
        {
            try
            {
                await db.Database.ExecuteSqlRawAsync(analyze, cancellationToken);
            }
            catch (DbException e)
            {
                // The import has committed; stale statistics cost speed (autovacuum refreshes them later), not data.
                logger.LogWarning(e, "Organisation import: the planner statistics could not be refreshed.");
            }
        }

        db.ChangeTracker.Clear();
        var accounts = await unitAccounts.EnsureAccountsAsync(cancellationToken);
        logger.LogInformation(
            "Organisation import: {Rows} communes ({Created} created, {Updated} updated, {Unchanged} unchanged), {Units} units written, in {Ms} ms.",
            parsed.Rows.Count, run.Communes.Created, run.Communes.Updated, run.Communes.Unchanged,
            run.Units.Created + run.Units.Updated, clock.ElapsedMilliseconds);
        return new OrganisationImportResult([], run.Communes, run.Provinces, run.Units, accounts, notInFile);
    }

    /// <summary>The in-memory state of one import: existing rows by code, and the counters.</summary>
    private sealed class ImportRun(DirectiveFlowDbContext db, Dictionary<string, Locality> localities, Dictionary<string, OrgUnit> units)
    {
        private static readonly Pillar[] Pillars = Enum.GetValues<Pillar>();

        public List<Locality> NewLocalities { get; } = [];

        public List<OrgUnit> NewUnits { get; } = [];

        public ImportCounts Communes { get; private set; } = ImportCounts.None;

        public ImportCounts Provinces { get; private set; } = ImportCounts.None;

        public ImportCounts Units { get; private set; } = ImportCounts.None;

        /// <summary>The country's locality and the four national bodies on it (counted with <see cref="Units"/>).</summary>
        public void UpsertNation()
        {
            var (locality, _) = UpsertLocality(NationalTier.LocalityCode, NationalTier.LocalityName, LocalityType.Country, parentId: null);
            foreach (var pillar in Pillars)
            {
                UpsertUnit(locality, pillar, UnitLevel.National, NationalTier.UnitName(pillar), parentId: null);
            }
        }

        public void UpsertProvince(string code, string name)
        {
            var (locality, change) = UpsertLocality(code, name, LocalityType.Province, parentId: null);
            foreach (var pillar in Pillars)
            {
                var nationalBody = units.GetValueOrDefault(NationalTier.UnitCode(pillar))?.Id;
                var unitChange = UpsertUnit(locality, pillar, UnitLevel.Province, PillarUnitNames.ForProvince(name, pillar), nationalBody);
                change = Combine(change, unitChange);
            }

            Provinces = Provinces.Add(change);
        }

        public void UpsertCommune(LocalityRow row)
        {
            var province = localities[row.ProvinceCode];
            var (locality, change) = UpsertLocality(row.Code, row.Name, row.Type, province.Id);
            foreach (var pillar in Pillars)
            {
                var parent = units[OrgUnit.CodeFor(province.Code, pillar)];
                var name = PillarUnitNames.ForCommune(row.Name, row.Type, pillar);
                change = Combine(change, UpsertUnit(locality, pillar, UnitLevel.Commune, name, parent.Id));
            }

            Communes = Communes.Add(change);
        }

        private (Locality Locality, Change Change) UpsertLocality(string code, string name, LocalityType type, Guid? parentId)
        {
            if (!localities.TryGetValue(code, out var locality))
            {
                locality = new Locality { Id = Guid.NewGuid(), Code = code, Name = name, Type = type, ParentId = parentId };
                localities[code] = locality;
                NewLocalities.Add(locality);
                return (locality, Change.Created);
            }

            if (locality.Name == name && locality.Type == type && locality.ParentId == parentId)
            {
                return (locality, Change.Unchanged);
            }

            locality.Name = name;
            locality.Type = type;
            locality.ParentId = parentId;
            db.Localities.Update(locality);
            return (locality, Change.Updated);
        }

        private Change UpsertUnit(Locality locality, Pillar pillar, UnitLevel level, string name, Guid? parentId)
        {
            var code = OrgUnit.CodeFor(locality.Code, pillar);
            var change = Change.Created;
            if (!units.TryGetValue(code, out var unit))
            {
                unit = new OrgUnit { Id = Guid.NewGuid(), Code = code, Name = name, LocalityCode = locality.Code };
                units[code] = unit;
                NewUnits.Add(unit);
            }
            else if (unit.Name == name && unit.Pillar == pillar && unit.Level == level && unit.ParentId == parentId
                && unit.LocalityId == locality.Id && unit.LocalityCode == locality.Code && unit.Kind == OrgUnitKind.PillarUnit)
            {
                Units = Units.Add(Change.Unchanged);
                return Change.Unchanged;
            }
            else
            {
                db.Units.Update(unit);
                change = Change.Updated;
            }

            unit.Name = name;
            unit.Pillar = pillar;
            unit.Level = level;
            unit.Kind = OrgUnitKind.PillarUnit;
            unit.ParentId = parentId;
            unit.LocalityId = locality.Id;
            unit.LocalityCode = locality.Code;
            Units = Units.Add(change);
            return change;
        }

        private static Change Combine(Change locality, Change unit) =>
            locality != Change.Unchanged ? locality : unit == Change.Unchanged ? Change.Unchanged : Change.Updated;
    }
}
