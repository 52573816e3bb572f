console.log("ccsim placeholder", process.argv.slice(2).join(" "));
