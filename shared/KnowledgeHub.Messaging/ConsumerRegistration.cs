using MassTransit;

namespace KnowledgeHub.Messaging;

/// <summary>A module's contribution to the one bus of its process: the consumers it brings.</summary>
public sealed record ConsumerRegistration(Action<IBusRegistrationConfigurator> Register);
