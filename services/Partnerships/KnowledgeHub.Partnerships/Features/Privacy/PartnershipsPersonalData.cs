using KnowledgeHub.Messaging.Privacy;

namespace KnowledgeHub.Partnerships.Features.Privacy;

/// <summary>
/// What the collaboration record holds about a person: who they are, where they worked, and the help
/// they gave and received; and how an erasure removes it (ADR 0072).
/// </summary>
internal static class PartnershipsPersonalData
{
    public static IReadOnlyList<PersonalDataSet> Sets { get; } =
    [
        new("person", "SELECT * FROM people WHERE id = @PersonId"),
        new("departmentHistory", "SELECT * FROM department_history WHERE person_id = @PersonId"),
        new("skills", "SELECT * FROM person_skills WHERE person_id = @PersonId"),
        new("communityMemberships", "SELECT * FROM community_members WHERE person_id = @PersonId"),
        new("projectMemberships", "SELECT * FROM project_members WHERE person_id = @PersonId"),
        new("objectivesOwned", "SELECT * FROM objective_owners WHERE person_id = @PersonId"),
        new("helpGiven", "SELECT * FROM interactions WHERE giver_id = @PersonId"),
        new("helpReceived", "SELECT * FROM interactions WHERE receiver_id = @PersonId"),
        new("reach", "SELECT * FROM person_reach WHERE person_id = @PersonId"),
    ];

    /// <summary>
    /// Everything about the person goes. The help they gave and received stays between departments,
    /// by the former member, so the department matrix does not change; no person-level view names them.
    /// </summary>
    public static IReadOnlyList<string> Erasure { get; } =
    [
        "DELETE FROM person_reach WHERE person_id = @PersonId",
        "UPDATE interactions SET giver_id = @FormerMember WHERE giver_id = @PersonId",
        "UPDATE interactions SET receiver_id = @FormerMember WHERE receiver_id = @PersonId",
        "DELETE FROM objective_owners WHERE person_id = @PersonId",
        "DELETE FROM project_members WHERE person_id = @PersonId",
        "DELETE FROM community_members WHERE person_id = @PersonId",
        "DELETE FROM person_skills WHERE person_id = @PersonId",
        "DELETE FROM department_history WHERE person_id = @PersonId",
        "DELETE FROM people WHERE id = @PersonId",
    ];
}
