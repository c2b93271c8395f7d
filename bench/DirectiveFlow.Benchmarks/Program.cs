Console.WriteLine("DirectiveFlow benchmarks: cascade and sweep scenarios are added by the engine and scheduling work.");
