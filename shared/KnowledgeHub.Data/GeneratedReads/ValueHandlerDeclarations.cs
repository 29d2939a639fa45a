using Dapper;
using KnowledgeHub.Data;

// Compiled into each project that maps reads with Dapper's source generator (MapsReadsWithDapperGenerator,
// Directory.Build.targets), not into KnowledgeHub.Data: the generator does not see the handlers Dapper is
// given at run time, so the reads it maps are declared the same representations here, read with typed getters
// (ADR 0107).
[module: TypeHandler(typeof(Guid), typeof(GeneratedValueHandlers.GuidHandler))]
[module: TypeHandler(typeof(DateTimeOffset), typeof(GeneratedValueHandlers.DateTimeOffsetHandler))]
[module: TypeHandler(typeof(DateOnly), typeof(GeneratedValueHandlers.DateOnlyHandler))]
