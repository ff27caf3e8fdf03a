// placeholder until the DB tooling lands
