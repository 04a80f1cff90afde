return await Samordna.Cli.CliApp.Run(args, Console.Out, Console.Error);
