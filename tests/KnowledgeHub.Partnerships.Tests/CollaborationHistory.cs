using KnowledgeHub.Contracts.Communities;
using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Testing;
using static KnowledgeHub.Partnerships.Tests.Events;

namespace KnowledgeHub.Partnerships.Tests;

/// <summary>
/// A known half year of collaboration between four departments (FIN, HR, IT, OPS), told as the
/// other services' events. What each event is worth (docs/partnerships.md: an answer 1, its
/// acceptance 2 more, an endorsement 1, working on a project another department sponsors 2):
///
/// <code>
/// 2026-01-10  ada (IT) answers carla (FIN)                 IT→FIN 1
/// 2026-01-11  carla accepts it                             IT→FIN 2
/// 2026-01-15…19  finn (OPS) answers gus (OPS) five times   OPS→OPS 5
/// 2026-02-05  bob (IT) answers dan (FIN)                   IT→FIN 1
/// 2026-02-20  ada answers dan; the question is deleted     nothing
/// 2026-03-03  carla answers ada                            FIN→IT 1
/// 2026-03-04  ada answers bob                              IT→IT 1
/// 2026-03-20  carla answers eve (HR)                       FIN→HR 1
/// 2026-04-01  dan endorses ada                             IT→FIN 1
/// 2026-04-02  eve answers ada in a closed community        nothing: closed
/// 2026-05-01  bob answers eve, then hides that evidence    nothing: hidden
/// 2026-05-10  ada and carla join Ledger automation (FIN)   IT→FIN 2, FIN→FIN 2
/// 2026-05-12  hana (HR) joins Badge readers (HR)           HR→HR 2
/// 2026-06-01  bob moves from IT to OPS
/// 2026-06-10  bob (now OPS) answers dan                    OPS→FIN 1
/// </code>
///
/// Projects: Ledger automation (sponsor FIN, partner IT) serves Faster close (FIN, co-owned by IT,
/// owner hana); Badge readers (sponsor HR, partner OPS) serves Fewer outages (OPS). Communities: the
/// open Platform guild (ada, carla, bob) and the closed Security circle (eve, ada).
/// </summary>
public sealed class CollaborationHistory
{
    public TestUser Ada { get; } = TestUser.Employee("ada", "IT");

    public TestUser Bob { get; } = TestUser.Employee("bob", "OPS");

    public TestUser Carla { get; } = TestUser.Employee("carla", "FIN");

    public TestUser Dan { get; } = TestUser.Employee("dan", "FIN");

    public TestUser Eve { get; } = TestUser.Employee("eve", "HR");

    public TestUser Finn { get; } = TestUser.Employee("finn", "OPS");

    public TestUser Gus { get; } = TestUser.Employee("gus", "OPS");

    public TestUser Hana { get; } = TestUser.Employee("hana", "HR");

    public Guid Guild { get; } = Guid.NewGuid();

    public Guid Circle { get; } = Guid.NewGuid();

    public Guid Ledger { get; } = Guid.NewGuid();

    public Guid Badges { get; } = Guid.NewGuid();

    public Guid FasterClose { get; } = Guid.NewGuid();

    public Guid FewerOutages { get; } = Guid.NewGuid();

    /// <summary>The title of the closed community's question: no response may carry it.</summary>
    public const string ClosedTitle = "Pen test scope for the payroll system?";

    /// <summary>The title of the question whose answer bob hid: no response may carry it.</summary>
    public const string HiddenTitle = "VPN for contractors?";

    public Guid HiddenAnswer { get; } = Guid.NewGuid();

    public static async Task<CollaborationHistory> SeedAsync(ModuleTestHost host)
    {
        var h = new CollaborationHistory();
        // Who and what exists first, as the services announce it.
        await host.PublishAndWaitAsync(
            new DepartmentChanged("FIN", "Finance", 1, At("2025-11-01")),
            new DepartmentChanged("HR", "People", 1, At("2025-11-01")),
            new DepartmentChanged("IT", "Technology", 1, At("2025-11-01")),
            new DepartmentChanged("OPS", "Operations", 1, At("2025-11-01")),
            Profile(h.Ada, "IT", 1, "2025-12-01", "kubernetes", "terraform"),
            Profile(h.Bob, "IT", 1, "2025-12-01"),
            Profile(h.Carla, "FIN", 1, "2025-12-01", "terraform"),
            Profile(h.Dan, "FIN", 1, "2025-12-01", "kubernetes"),
            Profile(h.Eve, "HR", 1, "2025-12-01", "kubernetes"),
            Profile(h.Finn, "OPS", 1, "2025-12-01", "kubernetes"),
            Profile(h.Gus, "OPS", 1, "2025-12-01"),
            Profile(h.Hana, "HR", 1, "2025-12-01"),
            Community(h.Guild, "Platform guild", "open"),
            Community(h.Circle, "Security circle", "closed"),
            Objective(h.FasterClose, "Faster close", "FIN", ["FIN", "IT"], [h.Hana.Id]),
            Objective(h.FewerOutages, "Fewer outages", "OPS"),
            Project(h.Ledger, "Ledger automation", "FIN", ["IT"], [h.FasterClose]),
            Project(h.Badges, "Badge readers", "HR", ["OPS"], [h.FewerOutages]),
            Member(h.Guild, h.Ada),
            Member(h.Guild, h.Carla),
            Member(h.Guild, h.Bob),
            Member(h.Circle, h.Eve),
            Member(h.Circle, h.Ada));

        var (q1, a1) = (Guid.NewGuid(), Guid.NewGuid());
        var deleted = Guid.NewGuid();
        var gusQuestion = Guid.NewGuid();
        await host.PublishAndWaitAsync(
        [
            Answer(a1, q1, h.Guild, "open", h.Ada, h.Carla, "How do we reconcile ledgers?", "2026-01-10"),
            Accepted(a1, q1, h.Guild, h.Ada, h.Carla, "How do we reconcile ledgers?", "2026-01-11"),
            .. Enumerable.Range(15, 5).Select(day => Answer(Guid.NewGuid(), gusQuestion, h.Guild, "open", h.Finn, h.Gus, "Where are the runbooks?", $"2026-01-{day}")),
            Answer(Guid.NewGuid(), Guid.NewGuid(), h.Guild, "open", h.Bob, h.Dan, "Which cloud for batch jobs?", "2026-02-05"),
            Answer(Guid.NewGuid(), deleted, h.Guild, "open", h.Ada, h.Dan, "A question deleted later", "2026-02-20"),
            Answer(Guid.NewGuid(), Guid.NewGuid(), h.Guild, "open", h.Carla, h.Ada, "What is IFRS 16?", "2026-03-03"),
            Answer(Guid.NewGuid(), Guid.NewGuid(), h.Guild, "open", h.Ada, h.Bob, "Helm or Kustomize?", "2026-03-04"),
            Answer(Guid.NewGuid(), Guid.NewGuid(), h.Guild, "open", h.Carla, h.Eve, "A budget template?", "2026-03-20"),
            new EndorsementGiven(Guid.NewGuid(), h.Ada.Id, "kubernetes", h.Dan.Id, At("2026-04-01")),
            Answer(Guid.NewGuid(), Guid.NewGuid(), h.Circle, "closed", h.Eve, h.Ada, ClosedTitle, "2026-04-02"),
            Answer(h.HiddenAnswer, Guid.NewGuid(), h.Guild, "open", h.Bob, h.Eve, HiddenTitle, "2026-05-01"),
            OnProject(h.Ledger, "Ledger automation", h.Ada, "2026-05-10"),
            OnProject(h.Ledger, "Ledger automation", h.Carla, "2026-05-10"),
            OnProject(h.Badges, "Badge readers", h.Hana, "2026-05-12"),
        ]);

        // Then what changes the record: a deleted question, hidden evidence, a move, and help after the move.
        await host.PublishAndWaitAsync(
            new PostRemoved(deleted, h.Guild, h.Dan.Id, 2, At("2026-02-21")),
            new EvidenceVisibilityChanged(h.Bob.Id, $"answer:{h.HiddenAnswer}", true, At("2026-05-02")),
            Profile(h.Bob, "OPS", 2, "2026-06-01"));
        await host.PublishAndWaitAsync(Answer(Guid.NewGuid(), Guid.NewGuid(), h.Guild, "open", h.Bob, h.Dan, "How to size VMs?", "2026-06-10"));
        return h;
    }
}
