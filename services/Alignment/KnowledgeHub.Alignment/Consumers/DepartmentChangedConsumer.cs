using KnowledgeHub.Contracts.Expertise;
using KnowledgeHub.Data;
using KnowledgeHub.Messaging.Departments;
using KnowledgeHub.Messaging.Inbox;

namespace KnowledgeHub.Alignment.Consumers;

/// <summary>Keeps the departments projects and objectives may name.</summary>
internal sealed class DepartmentChangedConsumer(AlignmentDatabase database, TimeProvider time)
    : InboxConsumer<AlignmentDatabase, DepartmentChanged>(database, time)
{
    protected override Task ApplyAsync(UnitOfWork work, DepartmentChanged message, CancellationToken cancellationToken) =>
        DepartmentNames.ApplyAsync(work, message);
}
