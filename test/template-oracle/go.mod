module ork.test/templateoracle

go 1.26
