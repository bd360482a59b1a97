// Placeholder until the command line lands (issue 5).
console.log("sodatsu: not yet implemented");
