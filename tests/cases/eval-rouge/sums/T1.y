A dog sat.
Dogs were sitting!
