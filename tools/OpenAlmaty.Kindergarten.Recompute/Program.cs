using OpenAlmaty.Kindergarten.Recompute;

// dotnet run --project tools/OpenAlmaty.Kindergarten.Recompute -- release.json
return RecomputeCommand.Run(args, Console.Out, Console.Error);
