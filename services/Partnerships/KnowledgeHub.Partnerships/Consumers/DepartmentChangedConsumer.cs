using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging.Departments;
using KnowledgeHub.Messaging.Inbox;

namespace KnowledgeHub.Partnerships.Consumers;

/// <summary>Keeps the names of departments.</summary>
internal sealed class DepartmentChangedConsumer(PartnershipsDatabase database, TimeProvider time)
    : InboxConsumer<PartnershipsDatabase, DepartmentChanged>(database, time)
{
    protected override Task ApplyAsync(UnitOfWork work, DepartmentChanged message, CancellationToken cancellationToken) =>
        DepartmentNames.ApplyAsync(work, message);
}
